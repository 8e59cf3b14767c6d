import { CheckCircle2, Circle, ListChecks, X } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Data, onEvent, type app } from '../../lib/backend';
import { cx } from '../../lib/cx';
import { IconButton } from '../ui';
import styles from './Checklist.module.css';

/** localStorage key that remembers a dismissed checklist. */
export const checklistHiddenKey = 'chatflow.checklist.hidden';

/** Events after which a step may have changed. */
const refreshEvents = ['flows:changed', 'simulator:turn', 'apis:changed'];

/**
 * The newcomer's path to a live bot — build a flow, test it in the simulator,
 * connect WhatsApp, publish — each step done or not from the real state
 * (Data.Checklist). It hides itself once every step is done, or when dismissed.
 */
export function Checklist() {
  const [list, setList] = useState<app.Checklist | null>(null);
  const [hidden, setHidden] = useState(() => readHidden());

  const load = useCallback(() => {
    Data.Checklist()
      .then(setList)
      .catch(() => setList(null));
  }, []);

  useEffect(() => {
    load();
    const offs = refreshEvents.map((name) => onEvent(name, load));
    return () => offs.forEach((off) => off());
  }, [load]);

  if (hidden || list === null || list.done) return null;
  const done = list.steps.filter((s) => s.done).length;
  const next = list.steps.find((s) => !s.done);

  return (
    <section className={styles.checklist} aria-label="Getting started">
      <header className={styles.header}>
        <ListChecks size={16} aria-hidden="true" />
        <h2 className={styles.title}>Getting started</h2>
        <span className={styles.progress}>
          {done} of {list.steps.length} done
        </span>
        <IconButton
          size="sm"
          label="Hide the checklist"
          icon={<X size={14} />}
          onClick={() => {
            writeHidden();
            setHidden(true);
          }}
        />
      </header>
      <ol className={styles.steps}>
        {list.steps.map((s) => (
          <li
            key={s.id}
            className={cx(styles.step, s.done && styles.done, s === next && styles.next)}
            data-step={s.id}
            data-done={s.done}
          >
            {s.done ? (
              <CheckCircle2 size={18} className={styles.iconDone} aria-hidden="true" />
            ) : (
              <Circle size={18} className={styles.iconTodo} aria-hidden="true" />
            )}
            <div className={styles.text}>
              <a className={styles.stepTitle} href={s.id === 'build' && list.flows === 0 ? '#/welcome' : s.href}>
                {s.title}
              </a>
              <span className="visually-hidden">{s.done ? ' (done)' : ' (not done yet)'}</span>
              {!s.done && <span className={styles.hint}>{s.hint}</span>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function readHidden(): boolean {
  try {
    return window.localStorage.getItem(checklistHiddenKey) === '1';
  } catch {
    return false;
  }
}

function writeHidden(): void {
  try {
    window.localStorage.setItem(checklistHiddenKey, '1');
  } catch {
    // Private windows may refuse storage; the checklist then hides until reload.
  }
}
