import { Trash2 } from 'lucide-react';
import { PlaceholderInput } from '../../components/placeholder';
import { IconButton } from '../../components/ui';
import type { KV } from './model';
import styles from './KeyValueEditor.module.css';

/** Props of KeyValueEditor. */
export interface KeyValueEditorProps {
  rows: KV[];
  onChange: (rows: KV[]) => void;
  /** "parameter" or "header", used in labels. */
  noun: string;
  keyPlaceholder: string;
  valuePlaceholder: string;
}

/**
 * Key/value rows (query parameters, headers) that can be switched off. A
 * blank row is always kept at the end so typing starts a new row.
 */
export function KeyValueEditor({ rows, onChange, noun, keyPlaceholder, valuePlaceholder }: KeyValueEditorProps) {
  const shown = [...rows];
  const last = shown[shown.length - 1];
  if (last === undefined || last.key !== '' || last.value !== '') shown.push({ key: '', value: '' });

  const update = (i: number, row: KV) => {
    const next = shown.map((r, j) => (j === i ? row : r));
    onChange(next.filter((r, j) => j < next.length - 1 || r.key !== '' || r.value !== ''));
  };
  const remove = (i: number) => onChange(shown.filter((_, j) => j !== i && (j < shown.length - 1 || shown[j]?.key !== '')));

  return (
    <div className={styles.table} role="table" aria-label={`${noun[0]?.toUpperCase()}${noun.slice(1)}s`}>
      <div className={styles.head} role="row">
        <span role="columnheader" className={styles.check}>
          <span className="visually-hidden">On</span>
        </span>
        <span role="columnheader">Name</span>
        <span role="columnheader">Value</span>
        <span role="columnheader" />
      </div>
      {shown.map((row, i) => {
        const blank = i === shown.length - 1 && row.key === '' && row.value === '';
        const n = i + 1;
        return (
          <div key={i} role="row" className={row.disabled === true ? styles.off : styles.row}>
            <span role="cell" className={styles.check}>
              {!blank && (
                <input
                  type="checkbox"
                  checked={row.disabled !== true}
                  aria-label={`Send ${noun} ${row.key || n}`}
                  onChange={(e) => update(i, { ...row, disabled: e.target.checked ? undefined : true })}
                />
              )}
            </span>
            <span role="cell">
              <PlaceholderInput
                mono
                aria-label={`${noun} ${n} name`}
                placeholder={keyPlaceholder}
                value={row.key}
                onChange={(key) => update(i, { ...row, key })}
              />
            </span>
            <span role="cell">
              <PlaceholderInput
                mono
                aria-label={`${noun} ${n} value`}
                placeholder={valuePlaceholder}
                value={row.value}
                onChange={(value) => update(i, { ...row, value })}
              />
            </span>
            <span role="cell">
              {!blank && (
                <IconButton size="sm" label={`Remove ${noun} ${row.key || n}`} icon={<Trash2 size={14} />} onClick={() => remove(i)} />
              )}
            </span>
          </div>
        );
      })}
    </div>
  );
}
