import { FlaskConical } from 'lucide-react';
import { useAttributeList } from '../../components/placeholder';
import { cx } from '../../lib/cx';
import styles from './ApiEditor.module.css';

/** Props of TestValues. */
export interface TestValuesProps {
  names: string[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
}

/**
 * One field per placeholder the request uses: the values a test fills in
 * (a live call takes them from the contact's attributes). A strip under the
 * URL rather than a column beside the tabs, so at 1280 x 720 the request
 * tabs keep the width and the response the height (issue 14, finding 7);
 * a request without placeholders shows none.
 */
export function TestValues({ names, values, onChange }: TestValuesProps) {
  const attributes = useAttributeList();
  if (names.length === 0) return null;
  const known = new Set(attributes.map((a) => a.name));
  return (
    <aside className={styles.testValues} aria-label="Test values">
      <span className={styles.sideTitle} title="Stand-ins for the contact’s attributes while testing">
        <FlaskConical size={14} aria-hidden="true" /> Test values
      </span>
      {names.map((name) => {
        const id = `test-value-${name}`;
        const unknown = attributes.length > 0 && !known.has(name);
        return (
          <span key={name} className={styles.testValue}>
            <label htmlFor={id}>
              <span className="visually-hidden">Test value for </span>
              <code className={cx(styles.phName, unknown && styles.phUnknown)}>{`{{${name}}}`}</code>
            </label>
            <input
              id={id}
              className={styles.testInput}
              value={values[name] ?? ''}
              placeholder="empty"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={unknown ? `${id}-hint` : undefined}
              onChange={(e) => onChange(name, e.target.value)}
            />
            {unknown && (
              <span id={`${id}-hint`} className={styles.testHint}>
                Not an attribute: live calls leave it empty.
              </span>
            )}
          </span>
        );
      })}
    </aside>
  );
}
