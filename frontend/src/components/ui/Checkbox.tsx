import { Check } from 'lucide-react';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { cx } from '../../lib/cx';
import styles from './Checkbox.module.css';

/** Props of Checkbox: a native checkbox with a label. */
export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange'> {
  label: ReactNode;
  description?: ReactNode;
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox for choices that take effect when a form is saved. */
export function Checkbox({ label, description, onChange, className, id, ...rest }: CheckboxProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <div className={cx(styles.row, className)}>
      <span className={styles.boxWrap}>
        <input
          id={inputId}
          type="checkbox"
          className={styles.input}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={description === undefined ? undefined : `${inputId}-desc`}
          {...rest}
        />
        <Check className={styles.mark} size={12} strokeWidth={3} aria-hidden="true" />
      </span>
      <span className={styles.text}>
        <label htmlFor={inputId} className={styles.label}>
          {label}
        </label>
        {description !== undefined && (
          <span id={`${inputId}-desc`} className={styles.description}>
            {description}
          </span>
        )}
      </span>
    </div>
  );
}
