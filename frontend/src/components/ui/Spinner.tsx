import styles from './Spinner.module.css';

/** Props of Spinner. */
export interface SpinnerProps {
  size?: number;
  /** Accessible text; without it the spinner is decorative. */
  label?: string;
}

/** A small rotating ring for work in progress. */
export function Spinner({ size = 16, label }: SpinnerProps) {
  return (
    <span
      className={styles.spinner}
      style={{ width: size, height: size }}
      role={label === undefined ? undefined : 'status'}
      aria-label={label}
      aria-hidden={label === undefined ? true : undefined}
    />
  );
}
