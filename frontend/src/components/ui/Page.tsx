import type { ReactNode } from 'react';
import { cx } from '../../lib/cx';
import styles from './Page.module.css';

/** Props of Page. */
export interface PageProps {
  title: string;
  /** One sentence under the title on what the page is for. */
  description?: ReactNode;
  /** An icon before the title (lucide-react, size 18). */
  icon?: ReactNode;
  /** Buttons on the right of the header; the primary action goes last. */
  actions?: ReactNode;
  /** A second row under the header: search, filters or tabs. */
  toolbar?: ReactNode;
  /** Lets the content fill the page with no padding or scroll (editors, canvases). */
  fullBleed?: boolean;
  children?: ReactNode;
}

/** The frame of every page: a header with title and actions, then the content. */
export function Page({ title, description, icon, actions, toolbar, fullBleed, children }: PageProps) {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.headings}>
          <h1 className={styles.title}>
            {icon !== undefined && (
              <span className={styles.icon} aria-hidden="true">
                {icon}
              </span>
            )}
            {title}
          </h1>
          {description !== undefined && <p className={styles.description}>{description}</p>}
        </div>
        {actions !== undefined && <div className={styles.actions}>{actions}</div>}
      </header>
      {toolbar !== undefined && <div className={styles.toolbar}>{toolbar}</div>}
      <div className={cx(styles.content, fullBleed === true && styles.fullBleed)}>{children}</div>
    </div>
  );
}
