import type { ReactNode } from 'react';
import { cx } from '../../lib/cx';
import styles from './Field.module.css';

/** Props of Field: a label, the control, and a hint or an error under it. */
export interface FieldProps {
  /** The id of the control, so the label points at it. */
  id: string;
  label?: ReactNode;
  hint?: ReactNode;
  /** An error sentence; replaces the hint and marks the field invalid. */
  error?: string;
  /** Shows a "required" marker after the label. */
  required?: boolean;
  className?: string;
  children: ReactNode;
}

/** Lays out a form control with its label and messages. */
export function Field({ id, label, hint, error, required, className, children }: FieldProps) {
  const hasError = error !== undefined && error !== '';
  return (
    <div className={cx(styles.field, className)}>
      {label !== undefined && (
        <label htmlFor={id} className={styles.label}>
          {label}
          {required === true && (
            <span className={styles.required} aria-hidden="true">
              *
            </span>
          )}
        </label>
      )}
      {children}
      {hasError ? (
        <p id={`${id}-error`} className={styles.error} role="alert">
          {error}
        </p>
      ) : (
        hint !== undefined &&
        hint !== null && (
          <p id={`${id}-hint`} className={styles.hint}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}
