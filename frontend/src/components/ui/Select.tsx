import { ChevronDown } from 'lucide-react';
import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { cx } from '../../lib/cx';
import { Field } from './Field';
import { describedBy } from './fieldIds';
import fieldStyles from './Field.module.css';
import styles from './Select.module.css';

/** One choice of a Select. */
export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Props of Select: a native select with label, hint, error and typed options. */
export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label?: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: SelectOption[];
  value: string;
  /** Called with the chosen option's value. */
  onChange: (value: string) => void;
  /** A first, empty choice such as "Choose an attribute…". */
  placeholder?: string;
  fieldClassName?: string;
}

/** A labelled native dropdown; native so keyboard and screen readers work everywhere. */
export function Select({
  label,
  hint,
  error,
  options,
  value,
  onChange,
  placeholder,
  fieldClassName,
  className,
  id,
  required,
  ...rest
}: SelectProps) {
  const autoId = useId();
  const selectId = id ?? autoId;
  return (
    <Field id={selectId} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <div className={styles.wrap}>
        <select
          id={selectId}
          className={cx(fieldStyles.control, styles.select, className)}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error !== undefined && error !== '' ? true : undefined}
          aria-describedby={describedBy(selectId, hint, error)}
          required={required}
          {...rest}
        >
          {placeholder !== undefined && (
            <option value="" disabled={required}>
              {placeholder}
            </option>
          )}
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
        <ChevronDown className={styles.chevron} size={14} aria-hidden="true" />
      </div>
    </Field>
  );
}
