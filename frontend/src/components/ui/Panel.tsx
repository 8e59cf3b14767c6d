import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from '../../lib/cx';
import styles from './Panel.module.css';

/** Props of Panel. */
export interface PanelProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  /** Small text under or beside the title. */
  subtitle?: ReactNode;
  /** Buttons on the right of the header. */
  actions?: ReactNode;
  /** Removes the body padding (tables, editors, canvases). */
  flush?: boolean;
}

/** A bordered surface with an optional header, the building block of page layouts. */
export function Panel({ title, subtitle, actions, flush, className, children, ...rest }: PanelProps) {
  const hasHeader = title !== undefined || actions !== undefined;
  return (
    <section className={cx(styles.panel, className)} {...rest}>
      {hasHeader && (
        <header className={styles.header}>
          <div className={styles.headings}>
            {title !== undefined && <h3 className={styles.title}>{title}</h3>}
            {subtitle !== undefined && <p className={styles.subtitle}>{subtitle}</p>}
          </div>
          {actions !== undefined && <div className={styles.actions}>{actions}</div>}
        </header>
      )}
      <div className={cx(styles.body, flush === true && styles.flush)}>{children}</div>
    </section>
  );
}
