import { useId, type ReactNode } from 'react';
import { cx } from '../../lib/cx';
import styles from './Switch.module.css';

/** Props of Switch. */
export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Visible label; when absent, pass ariaLabel. */
  label?: ReactNode;
  ariaLabel?: string;
  description?: ReactNode;
  disabled?: boolean;
  className?: string;
}

/** An on/off toggle (role="switch") that takes effect at once, e.g. "Published". */
export function Switch({ checked, onChange, label, ariaLabel, description, disabled, className }: SwitchProps) {
  const id = useId();
  return (
    <div className={cx(styles.row, className)}>
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={ariaLabel}
        aria-describedby={description === undefined ? undefined : `${id}-desc`}
        disabled={disabled}
        className={styles.track}
        onClick={() => onChange(!checked)}
      >
        <span className={styles.thumb} />
      </button>
      {(label !== undefined || description !== undefined) && (
        <div className={styles.text}>
          {label !== undefined && (
            <label htmlFor={id} className={styles.label}>
              {label}
            </label>
          )}
          {description !== undefined && (
            <span id={`${id}-desc`} className={styles.description}>
              {description}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
