import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { cx } from '../lib/cx';
import type { LoggedCall } from './simulatorStore';
import styles from './Simulator.module.css';

/** The colour class of a status code: 2xx green, 4xx amber, 5xx and failures red. */
function statusTone(status: number): string {
  if (status >= 200 && status < 300) return styles.ok ?? '';
  if (status >= 400 && status < 500) return styles.warn ?? '';
  return styles.bad ?? '';
}

/** A body for reading: JSON indented, anything else as it came. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * One API call of the simulation: a summary line (API, status, route, time)
 * that opens the request as sent (secrets masked by Go's call-log
 * redaction), the response and the values it mapped.
 */
export function CallRow({ call: c }: { call: LoggedCall }) {
  const [open, setOpen] = useState(false);
  const mapped = Object.entries(c.mapped ?? {});
  const hasRequest = (c.method ?? '') !== '';
  return (
    <li className={styles.call} data-open={open}>
      <button type="button" className={styles.callHead} aria-expanded={open} onClick={() => setOpen(!open)}>
        <ChevronRight size={14} className={styles.callChevron} aria-hidden="true" />
        <span className={styles.callName}>{c.api === '' ? 'API call' : c.api}</span>
        <span className={cx(styles.status, statusTone(c.status))}>{c.status === 0 ? 'failed' : c.status}</span>
        <span className={styles.callMeta}>
          → {c.route} · {c.durationMs} ms
        </span>
      </button>
      {c.error !== '' && <p className={styles.callError}>{c.error}</p>}
      {!open &&
        mapped.map(([k, v]) => (
          <div key={k} className={styles.mapped}>
            <span>{k}</span> = <span>{v}</span>
          </div>
        ))}
      {open && (
        <div className={styles.callBody}>
          <section aria-label="Request">
            <h4 className={styles.callSection}>Request</h4>
            {hasRequest ? (
              <>
                <p className={styles.callLine}>
                  <b>{c.method}</b> {c.url}
                </p>
                {(c.requestHeaders ?? []).length > 0 && (
                  <dl className={styles.callHeaders}>
                    {(c.requestHeaders ?? []).map((h, i) => (
                      <div key={i}>
                        <dt>{h.key}</dt>
                        <dd>{h.value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                {(c.requestBody ?? '') !== '' && <pre className={styles.callPre}>{readable(c.requestBody ?? '')}</pre>}
              </>
            ) : (
              <p className={styles.detailsEmpty}>Nothing was sent.</p>
            )}
          </section>
          <section aria-label="Response">
            <h4 className={styles.callSection}>Response {c.status === 0 ? '' : c.status}</h4>
            {(c.responseBody ?? '') === '' ? (
              <p className={styles.detailsEmpty}>{c.status === 0 ? 'No answer.' : 'Empty body.'}</p>
            ) : (
              <pre className={styles.callPre}>{readable(c.responseBody ?? '')}</pre>
            )}
            {c.responseTruncated === true && <p className={styles.detailsEmpty}>Only the first 8 KB are shown.</p>}
          </section>
          <section aria-label="Mapped values">
            <h4 className={styles.callSection}>Mapped into attributes</h4>
            {mapped.length === 0 ? (
              <p className={styles.detailsEmpty}>Nothing was mapped.</p>
            ) : (
              mapped.map(([k, v]) => (
                <div key={k} className={styles.mapped}>
                  <span>{k}</span> = <span>{v}</span>
                </div>
              ))
            )}
          </section>
        </div>
      )}
    </li>
  );
}
