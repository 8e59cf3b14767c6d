import { FlaskConical } from 'lucide-react';
import { Field } from '../../components/ui';
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
  return (
    <aside className={styles.testValues} aria-label="Test values">
      <h3 className={styles.sideTitle}>
        <FlaskConical size={14} aria-hidden="true" /> Test values
      </h3>
      {names.length === 0 ? (
        <p className={styles.muted}>
          This request has no placeholders. Type <kbd>/</kbd> in the URL, a header, the body or auth to use an attribute.
        </p>
      ) : (
        <>
          <p className={styles.muted}>Stand-ins for the contact’s attributes while testing.</p>
          {names.map((name) => {
            const id = `test-value-${name}`;
            return (
              <Field key={name} id={id} label={<code className={styles.phName}>{`{{${name}}}`}</code>}>
                <input
                  id={id}
                  className={styles.testInput}
                  value={values[name] ?? ''}
                  placeholder="empty"
                  autoComplete="off"
                  spellCheck={false}
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
