import { Trash2 } from 'lucide-react';
import { PlaceholderInput } from '../../components/placeholder';
import { IconButton } from '../../components/ui';
import type { Part } from './model';
import styles from './KeyValueEditor.module.css';

/** Props of PartsEditor. */
export interface PartsEditorProps {
  parts: Part[];
  onChange: (parts: Part[]) => void;
}

/** The path a new file field starts with: the customer's latest photo or document. */
export const customerFile = '{{message.media.path}}';

/**
 * The fields of a multipart/form-data body: text fields, and file fields
 * whose value is the path of a file of the conversations (the customer's
 * photo or document). A blank row is kept at the end for typing.
 */
export function PartsEditor({ parts, onChange }: PartsEditorProps) {
  const shown = [...parts];
  const last = shown[shown.length - 1];
  if (last === undefined || last.key !== '' || last.value !== '') shown.push({ key: '', value: '' });

  const update = (i: number, part: Part) => {
    const next = shown.map((p, j) => (j === i ? part : p));
    onChange(next.filter((p, j) => j < next.length - 1 || p.key !== '' || p.value !== ''));
  };
  const remove = (i: number) => onChange(shown.filter((_, j) => j !== i && (j < shown.length - 1 || shown[j]?.key !== '')));

  return (
    <div className={styles.table} role="table" aria-label="Form fields">
      <div className={styles.partHead} role="row">
        <span role="columnheader" className={styles.check}>
          <span className="visually-hidden">On</span>
        </span>
        <span role="columnheader">Name</span>
        <span role="columnheader">Kind</span>
        <span role="columnheader">Value</span>
        <span role="columnheader" />
      </div>
      {shown.map((part, i) => {
        const blank = i === shown.length - 1 && part.key === '' && part.value === '';
        const n = i + 1;
        return (
          <div key={i} role="row" className={part.disabled === true ? styles.partOff : styles.partRow}>
            <span role="cell" className={styles.check}>
              {!blank && (
                <input
                  type="checkbox"
                  checked={part.disabled !== true}
                  aria-label={`Send field ${part.key || n}`}
                  onChange={(e) => update(i, { ...part, disabled: e.target.checked ? undefined : true })}
                />
              )}
            </span>
            <span role="cell">
              <PlaceholderInput
                mono
                aria-label={`field ${n} name`}
                placeholder={i === 0 ? 'photo' : 'name'}
                value={part.key}
                onChange={(key) => update(i, { ...part, key })}
              />
            </span>
            <span role="cell">
              <select
                className={styles.kind}
                aria-label={`field ${n} kind`}
                value={part.file === true ? 'file' : 'text'}
                onChange={(e) => {
                  const file = e.target.value === 'file';
                  update(i, { ...part, file: file ? true : undefined, value: file && part.value === '' ? customerFile : part.value });
                }}
              >
                <option value="text">Text</option>
                <option value="file">File</option>
              </select>
            </span>
            <span role="cell">
              <PlaceholderInput
                mono
                aria-label={`field ${n} value`}
                placeholder={part.file === true ? customerFile : 'text — or / for an attribute'}
                value={part.value}
                onChange={(value) => update(i, { ...part, value })}
              />
            </span>
            <span role="cell">
              {!blank && (
                <IconButton size="sm" label={`Remove field ${part.key || n}`} icon={<Trash2 size={14} />} onClick={() => remove(i)} />
              )}
            </span>
          </div>
        );
      })}
    </div>
  );
}
