import { ArrowRight, CheckCircle2, Circle, ListChecks, X } from 'lucide-react';
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
 * (Data.Checklist). Each step is a link to where it is done. Once every step
 * is done it shrinks to one line that keeps the templates reachable; it hides
 * only when dismissed.
 */
export function Checklist() {
  const [list, setList] = useState<app.Checklist | null>(null);
  const [hidden, setHidden] = useState(() => readHidden());
  const [expanded, setExpanded] = useState(false);

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

  if (hidden || list === null) return null;
  const done = list.steps.filter((s) => s.done).length;
  const next = list.steps.find((s) => !s.done);
  const hide = () => {
    writeHidden();
    setHidden(true);
  };
  const dismiss = <IconButton size="sm" label="Hide the checklist" icon={<X size={14} />} onClick={hide} />;

  // Done: a one-line summary that keeps the templates reachable, with the
  // steps one click away.
  if (list.done && !expanded) {
    return (
      <section className={cx(styles.checklist, styles.compact)} aria-label="Getting started">
        <header className={styles.header}>
          <CheckCircle2 size={16} className={styles.iconDone} aria-hidden="true" />
          <h2 className={styles.title}>All set: your bot is built, tested, connected and live</h2>
          <span className={styles.links}>
            <a href="#/welcome">Start from a template</a>
            <button type="button" className={styles.linkButton} onClick={() => setExpanded(true)}>
              Show the steps
            </button>
          </span>
          {dismiss}
        </header>
      </section>
    );
  }

  return (
    <section className={styles.checklist} aria-label="Getting started">
      <header className={styles.header}>
        <ListChecks size={16} aria-hidden="true" />
        <h2 className={styles.title}>Getting started</h2>
        <span className={styles.progress}>
          {done} of {list.steps.length} done
        </span>
        <a className={styles.templatesLink} href="#/welcome">
          Templates
        </a>
        {dismiss}
      </header>
      <ol className={styles.steps}>
        {list.steps.map((s) => (
          <li key={s.id} data-step={s.id} data-done={s.done}>
            <a
              className={cx(styles.step, s.done && styles.done, s === next && styles.next)}
              href={s.id === 'build' && list.flows === 0 ? '#/welcome' : s.href}
              aria-describedby={`checklist-hint-${s.id}`}
            >
              {s.done ? (
                <CheckCircle2 size={18} className={styles.iconDone} aria-hidden="true" />
              ) : (
                <Circle size={18} className={styles.iconTodo} aria-hidden="true" />
              )}
              <span className={styles.text}>
                <span className={styles.stepTitle}>{s.title}</span>
                <span className="visually-hidden">{s.done ? ' (done)' : ' (not done yet)'}</span>
                <span className={styles.hint} id={`checklist-hint-${s.id}`} aria-hidden="true">
                  {s.done ? 'Done' : s.hint}
                </span>
              </span>
              <ArrowRight size={15} className={styles.go} aria-hidden="true" />
            </a>
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
