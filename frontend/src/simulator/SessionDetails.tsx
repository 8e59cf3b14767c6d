import { ChevronDown, ChevronUp } from 'lucide-react';
import { useState } from 'react';
import { Tabs } from '../components/ui';
import { AttributeValue } from '../components/values';
import { cx } from '../lib/cx';
import { CallRow } from './CallRow';
import type { LoggedCall } from './simulatorStore';
import styles from './Simulator.module.css';

/**
 * Whether the details start open: below 960 px of height the chat gets the
 * room (issue 14: the chat was ~230 px at 1280 x 720, and ~384 px at
 * 1440 x 900 with the details open). A choice the user makes lasts until
 * the page is reloaded.
 */
let openChoice: boolean | null = null;
const startOpen = () => openChoice ?? window.innerHeight >= 960;

/** The simulated contact's attributes and the API calls of the session, live. */
export function SessionDetails({ attributes, calls }: { attributes: Record<string, string>; calls: LoggedCall[] }) {
  const [open, setOpen] = useState(startOpen);
  const [tab, setTab] = useState('attributes');
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className={cx(styles.details, open && styles.detailsOpen)} aria-label="Session">
      <button
        type="button"
        className={styles.detailsToggle}
        onClick={() => {
          openChoice = !open;
          setOpen(!open);
        }}
        aria-expanded={open}
      >
        Session
        <span className={styles.detailsCounts}>
          {entries.length} attributes · {calls.length} API {calls.length === 1 ? 'call' : 'calls'}
        </span>
        {open ? <ChevronDown size={14} /> : <ChevronUp size={14} />}
      </button>
      {open && (
        <Tabs
          label="Session details"
          value={tab}
          onChange={setTab}
          items={[
            { id: 'attributes', label: 'Attributes', badge: entries.length },
            { id: 'calls', label: 'API calls', badge: calls.length },
          ]}
        >
          {tab === 'attributes' ? (
            entries.length === 0 ? (
              <p className={styles.detailsEmpty}>No attribute values yet.</p>
            ) : (
              <dl className={styles.attrs} data-testid="sim-attributes">
                {entries.map(([k, v]) => (
                  <div key={k} className={styles.attr}>
                    <dt>{k}</dt>
                    <dd>{v === '' ? <span className={styles.detailsEmpty}>empty</span> : <AttributeValue value={v} />}</dd>
                  </div>
                ))}
              </dl>
            )
          ) : calls.length === 0 ? (
            <p className={styles.detailsEmpty}>No API calls yet.</p>
          ) : (
            <ol className={styles.calls} data-testid="sim-calls">
              {calls.map((c, i) => (
                <CallRow key={i} call={c} />
              ))}
            </ol>
          )}
        </Tabs>
      )}
    </section>
  );
}
