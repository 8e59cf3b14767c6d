import { cx } from '../../lib/cx';
import styles from './Segmented.module.css';

/** Props of Segmented. */
export interface SegmentedProps {
  label: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}

/** A small row of mutually exclusive choices (radio group), e.g. the body type. */
export function Segmented({ label, options, value, onChange }: SegmentedProps) {
  return (
    <div role="radiogroup" aria-label={label} className={styles.group}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          className={cx(styles.option, o.value === value && styles.selected)}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
