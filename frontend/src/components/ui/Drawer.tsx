import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { cx } from '../../lib/cx';
import { IconButton } from './IconButton';
import styles from './Drawer.module.css';

/** Props of Drawer. */
export interface DrawerProps {
  /** Names the drawer for screen readers and its close button. */
  label: string;
  title: ReactNode;
  /** A small line under the title. */
  subtitle?: ReactNode;
  /** An icon before the title. */
  icon?: ReactNode;
  /** Buttons before the close button. */
  actions?: ReactNode;
  onClose: () => void;
  /** Width in pixels. */
  width?: number;
  /** Marks the drawer for styling and for keyboard handling (data-drawer). */
  kind?: string;
  className?: string;
  children?: ReactNode;
}

/**
 * A panel docked to the right edge of a workspace, beside its main view (not
 * over it), with a title, actions and a close button. Keys typed in it are
 * its own (data-own-keys), so a canvas' shortcuts leave its fields alone.
 */
export function Drawer({ label, title, subtitle, icon, actions, onClose, width = 360, kind, className, children }: DrawerProps) {
  return (
    <aside className={cx(styles.drawer, className)} style={{ width }} aria-label={label} data-own-keys data-drawer={kind}>
      <header className={styles.header}>
        {icon !== undefined && (
          <span className={styles.icon} aria-hidden="true">
            {icon}
          </span>
        )}
        <div className={styles.titles}>
          <h2 className={styles.title}>{title}</h2>
          {subtitle !== undefined && <span className={styles.subtitle}>{subtitle}</span>}
        </div>
        {actions}
        <IconButton size="sm" label={`Close ${label.toLowerCase()} (Esc)`} icon={<X size={15} />} onClick={onClose} />
      </header>
      <div className={styles.body}>{children}</div>
    </aside>
  );
}
