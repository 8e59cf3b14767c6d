import { FlaskConical } from 'lucide-react';
import { useAttributeList } from '../../components/placeholder';
import { Field } from '../../components/ui';
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
 * (a live call takes them from the contact's attributes).
 */
export function TestValues({ names, values, onChange }: TestValuesProps) {
  const attributes = useAttributeList();
  const known = new Set(attributes.map((a) => a.name));
  return (
    <aside className={styles.testValues} aria-label="Test values">
      <h3 className={styles.sideTitle}>
        <FlaskConical size={14} aria-hidden="true" /> Test values
      </h3>
      {names.length === 0 ? (
        <p className={styles.muted}>
          This request has no placeholders. Type <kbd>{'{{'}</kbd> in the URL, or <kbd>/</kbd> in a header, the body or auth, to use an attribute.
        </p>
      ) : (
        <>
          <p className={styles.muted}>Stand-ins for the contact’s attributes while testing.</p>
          {names.map((name) => {
            const id = `test-value-${name}`;
            const unknown = attributes.length > 0 && !known.has(name);
            return (
              <Field
                key={name}
                id={id}
                label={
                  <>
                    <span className="visually-hidden">Test value for </span>
                    <code className={cx(styles.phName, unknown && styles.phUnknown)}>{`{{${name}}}`}</code>
                  </>
                }
                hint={unknown ? 'Not an attribute: live calls leave it empty. Create it or fix the name.' : undefined}
              >
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
              </Field>
            );
          })}
        </>
      )}
    </aside>
  );
}
