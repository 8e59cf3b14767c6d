import { CircleAlert, CircleCheck, LoaderCircle } from 'lucide-react';
import { useId } from 'react';
import { Field } from '../../../components/ui';
import { cx } from '../../../lib/cx';
import { useEditor } from '../../store';
import styles from './fields.module.css';

/** Props of ExpressionField. */
export interface ExpressionFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The problem Go's validation found in this expression, if any. */
  error?: string;
  placeholder?: string;
  hint?: string;
}

/**
 * An expr-lang expression with a live check: Flows.Validate compiles it
 * (debounced by the editor store) and the result shows under the field.
 */
export function ExpressionField({ label, value, onChange, error, placeholder, hint }: ExpressionFieldProps) {
  const id = useId();
  const pending = useEditor((s) => s.checkedRevision !== s.revision);
  let status;
  if (value.trim() === '') {
    status = null;
  } else if (pending) {
    status = (
      <span className={cx(styles.check, styles.checkPending)}>
        <LoaderCircle size={14} /> Checking…
      </span>
    );
  } else if (error !== undefined) {
    status = (
      <span className={cx(styles.check, styles.checkBad)} role="alert">
        <CircleAlert size={14} style={{ flex: 'none', marginTop: 2 }} /> {error}
      </span>
    );
  } else {
    status = (
      <span className={cx(styles.check, styles.checkOk)}>
        <CircleCheck size={14} /> The expression compiles.
      </span>
    );
  }
  return (
    <Field id={id} label={label} hint={hint}>
      <textarea
        id={id}
        rows={3}
        className={cx(styles.control, styles.mono)}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={!pending && error !== undefined ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {status}
    </Field>
  );
}
