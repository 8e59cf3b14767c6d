import { useId } from 'react';
import styles from './fields.module.css';

/** Props of RowsMode. */
export interface RowsModeProps {
  /** True when the rows come from a list attribute. */
  fromList: boolean;
  onChange: (fromList: boolean) => void;
  /** "button" or "row", for the labels. */
  kind: 'button' | 'row';
}

/**
 * Chooses where a buttons or list node's choices come from: written in the
 * node, or one per item of a list attribute (an API's array).
 */
export function RowsMode({ fromList, onChange, kind }: RowsModeProps) {
  const name = useId();
  const choices = [
    { value: false, label: `Written here`, hint: `A fixed ${kind} per choice, each with its own output.` },
    { value: true, label: 'From a list', hint: `One ${kind} per item of a list, such as an API's time slots.` },
  ];
  return (
    <fieldset className={styles.segmented}>
      <legend className={styles.segmentedLegend}>{kind === 'button' ? 'Buttons' : 'Rows'}</legend>
      <div className={styles.segments}>
        {choices.map((c) => (
          <label key={c.label} className={styles.segment} title={c.hint}>
            <input type="radio" name={name} checked={fromList === c.value} onChange={() => onChange(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
