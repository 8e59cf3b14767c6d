import { X } from 'lucide-react';
import { useState } from 'react';
import { cx } from '../../../lib/cx';
import styles from './fields.module.css';

/** Props of KeywordsEditor. */
export interface KeywordsEditorProps {
  keywords: string[];
  onChange: (keywords: string[]) => void;
  error?: string;
}

/** Edits the start keywords as chips: type a word and press Enter or a comma. */
export function KeywordsEditor({ keywords, onChange, error }: KeywordsEditorProps) {
  const [draft, setDraft] = useState('');
  const commit = () => {
    const words = draft
      .split(',')
      .map((w) => w.trim())
      .filter((w) => w !== '' && !keywords.some((k) => k.toLowerCase() === w.toLowerCase()));
    if (words.length > 0) {
      onChange([...keywords, ...words]);
    }
    setDraft('');
  };
  return (
    <div className={styles.options}>
      <div className={styles.sectionHead}>
        <span>Keywords</span>
      </div>
      {keywords.length > 0 && (
        <div className={styles.chips}>
          {keywords.map((k, i) => (
            <span key={`${k}-${i}`} className={styles.chip}>
              {k}
              <button
                type="button"
                className={styles.chipRemove}
                aria-label={`Remove keyword ${k}`}
                onClick={() => onChange(keywords.filter((_, j) => j !== i))}
              >
                <X size={12} />
              </button>
            </span>
          ))}
        </div>
      )}
      <input
        className={cx(styles.control)}
        value={draft}
        placeholder={keywords.length === 0 ? 'hi, hello, menu' : 'Add a keyword'}
        aria-label="New keyword"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Backspace' && draft === '' && keywords.length > 0) {
            onChange(keywords.slice(0, -1));
          }
        }}
        onBlur={commit}
      />
      <p className={error !== undefined ? styles.error : styles.counter}>
        {error ??
          (keywords.length === 0
            ? 'No keywords: any first message starts the conversation.'
            : 'A first message matching one of these (any case) starts the conversation.')}
      </p>
    </div>
  );
}
