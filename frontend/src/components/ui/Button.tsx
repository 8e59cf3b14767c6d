import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from '../../lib/cx';
import { Spinner } from './Spinner';
import styles from './Button.module.css';

/** Visual weight of a button: one primary action per view. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

/** Height of a button: md for forms and headers, sm for toolbars and tables. */
export type ButtonSize = 'sm' | 'md';

/** Props of Button: every native button attribute plus the look. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** An icon before the label (e.g. a lucide-react icon at size 15). */
  icon?: ReactNode;
  /** An icon after the label. */
  iconEnd?: ReactNode;
  /** Shows a spinner and disables the button while an action runs. */
  loading?: boolean;
}

/** A text button; type defaults to "button" so it never submits a form by accident. */
export function Button({
  variant = 'secondary',
  size = 'md',
  icon,
  iconEnd,
  loading = false,
  disabled,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(styles.button, styles[variant], styles[size], className)}
      disabled={disabled === true || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? <Spinner size={14} /> : icon}
      {children !== undefined && <span className={styles.label}>{children}</span>}
      {iconEnd}
    </button>
  );
}
