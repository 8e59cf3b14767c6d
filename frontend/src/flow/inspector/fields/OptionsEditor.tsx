import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { Button, IconButton } from '../../../components/ui';
import { cx } from '../../../lib/cx';
import type { Option } from '../../model';
import { nextOptionId } from '../../nodes/shared/read';
import { charCount } from './problems';
import styles from './fields.module.css';

/** Props of OptionsEditor. */
export interface OptionsEditorProps {
  /** "button" or "row": names things in labels and prefixes new ids (b3, r4). */
  kind: 'button' | 'row';
  options: Option[];
  /** Called with the new list; key groups typing in one input into one undo step. */
  onChange: (options: Option[], key?: string) => void;
  max: number;
  titleLimit: number;
  /** Shows a description input per option (list rows). */
  descriptionLimit?: number;
  error?: string;
}

/**
 * Edits the buttons of a buttons node or the rows of a list: add, remove,
 * reorder and retitle. Ids never change, so each option keeps its output
 * handle and the edge drawn from it.
 */
export function OptionsEditor({ kind, options, onChange, max, titleLimit, descriptionLimit, error }: OptionsEditorProps) {
  const noun = kind === 'button' ? 'Button' : 'Row';
  const patch = (i: number, p: Partial<Option>, key: string) =>
    onChange(
      options.map((o, j) => (j === i ? { ...o, ...p } : o)),
      key,
    );
  const move = (i: number, by: number) => {
    const next = options.slice();
    const [item] = next.splice(i, 1);
    if (item !== undefined) {
      next.splice(i + by, 0, item);
      onChange(next);
    }
  };
  const add = () => {
    const id = nextOptionId(kind === 'button' ? 'b' : 'r', options);
    onChange([...options, { id, title: `${noun} ${options.length + 1}`, description: '' }]);
  };

  return (
    <div className={styles.options}>
      <div className={styles.sectionHead}>
        <span>
          {noun}s <span className={styles.counter}>{options.length}/{max}</span>
        </span>
        <Button size="sm" variant="ghost" icon={<Plus size={14} />} onClick={add} disabled={options.length >= max}>
          Add {kind}
        </Button>
      </div>
      {options.map((o, i) => {
        const count = charCount(o.title);
        return (
          <div key={o.id} className={styles.option} data-testid={`option-${o.id}`}>
            <div className={styles.optionRow}>
              <div className={styles.optionInput}>
                <input
                  className={styles.control}
                  value={o.title}
                  aria-label={`${noun} ${i + 1} title`}
                  aria-invalid={count > titleLimit || o.title.trim() === '' ? true : undefined}
                  onChange={(e) => patch(i, { title: e.target.value }, `${o.id}:title`)}
                />
                <span className={cx(styles.counter, styles.optionCounter, count > titleLimit && styles.counterOver)}>
                  {count}/{titleLimit}
                </span>
              </div>
              <IconButton
                size="sm"
                label={`Move ${noun.toLowerCase()} ${i + 1} up`}
                icon={<ArrowUp size={14} />}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              />
              <IconButton
                size="sm"
                label={`Move ${noun.toLowerCase()} ${i + 1} down`}
                icon={<ArrowDown size={14} />}
                disabled={i === options.length - 1}
                onClick={() => move(i, 1)}
              />
              <IconButton
                size="sm"
                label={`Remove ${noun.toLowerCase()} ${i + 1}`}
                icon={<Trash2 size={14} />}
                onClick={() => onChange(options.filter((_, j) => j !== i))}
              />
            </div>
            {descriptionLimit !== undefined && (
              <div className={styles.optionInput}>
                <input
                  className={styles.control}
                  value={o.description}
                  placeholder="Description (optional)"
                  aria-label={`${noun} ${i + 1} description`}
                  onChange={(e) => patch(i, { description: e.target.value }, `${o.id}:description`)}
                />
                <span
                  className={cx(
                    styles.counter,
                    styles.optionCounter,
                    charCount(o.description) > descriptionLimit && styles.counterOver,
                  )}
                >
                  {charCount(o.description)}/{descriptionLimit}
                </span>
              </div>
            )}
            <span className={styles.optionId}>Reply id {o.id}</span>
          </div>
        );
      })}
      {error !== undefined && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
