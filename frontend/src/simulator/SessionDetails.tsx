import { ChevronDown, ChevronUp } from 'lucide-react';
import { useState } from 'react';
import { Tabs } from '../components/ui';
import { AttributeValue } from '../components/values';
import { cx } from '../lib/cx';
import type { LoggedCall } from './simulatorStore';
import styles from './Simulator.module.css';

/** The colour class of a status code: 2xx green, 4xx amber, 5xx and failures red. */
function statusTone(status: number): string {
  if (status >= 200 && status < 300) return styles.ok ?? '';
  if (status >= 400 && status < 500) return styles.warn ?? '';
  return styles.bad ?? '';
}

/**
 * Whether the details start open: on a short window the chat gets the
 * height (issue 14: the chat was ~230 px at 1280 x 720). A choice the user
 * makes lasts until the page is reloaded.
 */
let openChoice: boolean | null = null;
const startOpen = () => openChoice ?? window.innerHeight >= 860;

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
                <li key={i} className={styles.call}>
                  <div className={styles.callHead}>
                    <span className={styles.callName}>{c.api === '' ? 'API call' : c.api}</span>
                    <span className={cx(styles.status, statusTone(c.status))}>{c.status === 0 ? 'failed' : c.status}</span>
                    <span className={styles.callMeta}>
                      → {c.route} · {c.durationMs} ms
                    </span>
                  </div>
                  {c.error !== '' && <p className={styles.callError}>{c.error}</p>}
                  {Object.entries(c.mapped ?? {}).map(([k, v]) => (
                    <div key={k} className={styles.mapped}>
                      <span>{k}</span> = <span>{v}</span>
                    </div>
                  ))}
                </li>
              ))}
            </ol>
          )}
        </Tabs>
      )}
    </section>
  );
}
