import { ChevronRight, History } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Badge, Button, EmptyState, Spinner } from '../../components/ui';
import { APIs, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { cx } from '../../lib/cx';
import { formatDuration, prettyJson, statusTone } from './model';
import styles from './CallLogView.module.css';

/** Props of CallLogView. */
export interface CallLogViewProps {
  apiId: number | undefined;
  /** Changes after each test or save, to reload. */
  version: number;
}

type LogState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; entries: app.CallLogEntry[] };

const sourceTone: Record<string, 'info' | 'accent' | 'success'> = { test: 'info', simulator: 'accent', live: 'success' };

/** The Log tab: this API's recent calls from tests, the simulator and live chats, secrets masked. */
export function CallLogView({ apiId, version }: CallLogViewProps) {
  const [state, setState] = useState<LogState>({ status: 'loading' });
  const [open, setOpen] = useState<number | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    APIs.CallLog(apiId ?? 0, 50).then(
      (entries) => live && setState({ status: 'ready', entries }),
      (err: unknown) => live && setState({ status: 'error', error: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [apiId, version, reload]);

  if (state.status === 'loading') return <Spinner label="Loading the call log" />;
  if (state.status === 'error') {
    return (
      <EmptyState compact title="The log could not be loaded" actions={<Button onClick={() => setReload((r) => r + 1)}>Try again</Button>}>
        {state.error}
      </EmptyState>
    );
  }
  if (state.entries.length === 0) {
    return (
      <EmptyState compact icon={<History size={20} />} title="No calls yet">
        {apiId === undefined
          ? 'Tests of unsaved APIs are logged here until you save.'
          : 'Every call — from a test, the simulator or a live conversation — is listed here.'}
      </EmptyState>
    );
  }
  return (
    <ul className={styles.log} aria-label="Call log">
      {state.entries.map((e) => {
        const expanded = open === e.id;
        return (
          <li key={e.id} className={styles.entry}>
            <button type="button" className={styles.summary} aria-expanded={expanded} onClick={() => setOpen(expanded ? null : e.id)}>
              <ChevronRight size={13} className={cx(styles.chevron, expanded && styles.open)} aria-hidden="true" />
              <span className={styles.time}>{formatTime(e.at)}</span>
              <Badge tone={sourceTone[e.source] ?? 'neutral'}>{e.source}</Badge>
              <Badge tone={statusTone(e.status)} mono>
                {e.status === 0 ? 'failed' : e.status}
              </Badge>
              <span className={styles.duration}>{formatDuration(e.durationMs)}</span>
              <span className={styles.url}>
                <strong>{e.method}</strong> {e.url}
              </span>
            </button>
            {expanded && (
              <div className={styles.details}>
                {e.error !== '' && <p className={styles.error}>{e.error}</p>}
                {e.contactId !== 0 && <p className={styles.meta}>Contact #{e.contactId}</p>}
                <h4>Request headers</h4>
                <pre>{e.requestHeaders.map((h) => `${h.key}: ${h.value}`).join('\n') || '—'}</pre>
                {e.requestBody !== '' && (
                  <>
                    <h4>Request body</h4>
                    <pre>{e.requestBody}</pre>
                  </>
                )}
                <h4>Response{e.responseTruncated ? ' (first 8 KB)' : ''}</h4>
                <pre>{e.responseBody === '' ? '—' : e.responseTruncated ? e.responseBody : prettyJson(e.responseBody)}</pre>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
