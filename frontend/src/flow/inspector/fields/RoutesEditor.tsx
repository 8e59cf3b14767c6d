import { Plus, X } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/ui';
import { cx } from '../../../lib/cx';
import { normalizeRoute, routeProblem, suggestedRoutes } from './routes';
import styles from './fields.module.css';

/** Props of RoutesEditor. */
export interface RoutesEditorProps {
  routes: string[];
  onChange: (routes: string[]) => void;
  error?: string;
}

/**
 * Edits the routes of an api node: status codes and classes as chips, each its
 * own output, plus "others", which is always there and cannot be removed.
 */
export function RoutesEditor({ routes, onChange, error }: RoutesEditorProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState('');
  const add = (raw: string) => {
    const r = normalizeRoute(raw);
    const why = routeProblem(r, routes);
    setProblem(why);
    if (why === '') {
      onChange([...routes, r]);
      setDraft('');
    }
  };
  const free = suggestedRoutes.filter((r) => !routes.includes(r));

  return (
    <div className={styles.options}>
      <div className={styles.sectionHead}>
        <span>Routes</span>
      </div>
      <div className={styles.chips} aria-label="Routes">
        {routes.map((r) => (
          <span key={r} className={styles.chip} data-testid={`route-${r}`}>
            {r}
            <button
              type="button"
              className={styles.chipRemove}
              aria-label={`Remove route ${r}`}
              onClick={() => onChange(routes.filter((x) => x !== r))}
            >
              <X size={12} />
            </button>
          </span>
        ))}
        <span className={cx(styles.chip, styles.chipFixed)} title="Every other status, timeouts and errors">
          others
        </span>
      </div>
      <form
        className={styles.addRow}
        onSubmit={(e) => {
          e.preventDefault();
          add(draft);
        }}
      >
        <input
          className={cx(styles.control, styles.mono)}
          value={draft}
          placeholder="404 or 5xx"
          aria-label="New route"
          aria-invalid={problem !== '' ? true : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setProblem('');
          }}
        />
        <Button type="submit" size="sm" icon={<Plus size={14} />}>
          Add
        </Button>
      </form>
      {free.length > 0 && (
        <div className={styles.suggestions}>
          Quick add:
          {free.map((r) => (
            <button key={r} type="button" className={styles.suggestion} onClick={() => add(r)}>
              {r}
            </button>
          ))}
        </div>
      )}
      {(problem !== '' || error !== undefined) && (
        <p className={styles.error} role="alert">
          {problem !== '' ? problem : error}
        </p>
      )}
    </div>
  );
}
