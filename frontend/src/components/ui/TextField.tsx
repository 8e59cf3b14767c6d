import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { cx } from '../../lib/cx';
import { Field } from './Field';
import { describedBy } from './fieldIds';
import styles from './Field.module.css';

/** Props of TextField: native input attributes plus label, hint and error. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> {
  label?: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Uses the monospace font (URLs, JSON paths, tokens). */
  mono?: boolean;
  /** Class of the wrapping field. */
  fieldClassName?: string;
}

/** A labelled single-line text input. */
export function TextField({ label, hint, error, mono, fieldClassName, className, id, required, ...rest }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <Field id={inputId} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <input
        id={inputId}
        className={cx(styles.control, mono === true && styles.mono, className)}
        aria-invalid={error !== undefined && error !== '' ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        required={required}
        {...rest}
      />
    </Field>
  );
}

/** Props of TextArea: native textarea attributes plus label, hint and error. */
export interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label?: ReactNode;
  hint?: ReactNode;
  error?: string;
  mono?: boolean;
  fieldClassName?: string;
}

/** A labelled multi-line text input. */
export function TextArea({ label, hint, error, mono, fieldClassName, className, id, required, rows = 4, ...rest }: TextAreaProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <Field id={inputId} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <textarea
        id={inputId}
        rows={rows}
        className={cx(styles.control, styles.textarea, mono === true && styles.mono, className)}
        aria-invalid={error !== undefined && error !== '' ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        required={required}
        {...rest}
      />
    </Field>
  );
}
