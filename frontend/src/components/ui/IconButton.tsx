import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from '../../lib/cx';
import styles from './IconButton.module.css';

/** Props of IconButton; label is required because the button shows no text. */
export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** Accessible name, also shown as the tooltip. */
  label: string;
  icon: ReactNode;
  size?: 'sm' | 'md';
  /** Marks a toggle button as pressed. */
  active?: boolean;
}

/** A square button with only an icon, for toolbars and row actions. */
export function IconButton({ label, icon, size = 'md', active, className, type = 'button', ...rest }: IconButtonProps) {
  return (
    <button
      type={type}
      aria-label={label}
      title={label}
      aria-pressed={active}
      className={cx(styles.iconButton, styles[size], active === true && styles.active, className)}
      {...rest}
    >
      {icon}
    </button>
  );
}
