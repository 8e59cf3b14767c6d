import type { ReactNode } from 'react';
import { cx } from '../../lib/cx';
import styles from './EmptyState.module.css';

/** Props of EmptyState. */
export interface EmptyStateProps {
  /** A lucide-react icon at size 22, shown in a soft circle. */
  icon?: ReactNode;
  title: string;
  /** One or two sentences on what will be here and how to start. */
  children?: ReactNode;
  /** Buttons, usually one primary action. */
  actions?: ReactNode;
  /** A small line under the actions (a tip or why an action is disabled). */
  hint?: ReactNode;
  /** Compact variant for panels and tables. */
  compact?: boolean;
  /** Fills the height of its container and centres itself (a page with nothing else). */
  fill?: boolean;
  className?: string;
}

/** What a page or panel shows when it has nothing yet. */
export function EmptyState({ icon, title, children, actions, hint, compact, fill, className }: EmptyStateProps) {
  return (
    <div className={cx(styles.empty, compact === true && styles.compact, fill === true && styles.fill, className)}>
      {icon !== undefined && (
        <div className={styles.icon} aria-hidden="true">
          {icon}
        </div>
      )}
      <h2 className={styles.title}>{title}</h2>
      {children !== undefined && <div className={styles.body}>{children}</div>}
      {actions !== undefined && <div className={styles.actions}>{actions}</div>}
      {hint !== undefined && <p className={styles.hint}>{hint}</p>}
    </div>
  );
}
