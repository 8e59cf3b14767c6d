import { Badge, Panel, Spinner, type BadgeTone } from '../../components/ui';
import type { app } from '../../lib/backend';
import { WaitingReplies } from './WaitingReplies';
import styles from './SettingsPage.module.css';

const listenerTone: Record<string, BadgeTone> = { listening: 'success', failed: 'danger', stopped: 'neutral' };

/** The live state of this computer's side: the webhook listener and the outgoing queue. */
export function StatusPanel({ status }: { status: app.WhatsAppStatus | null }) {
  if (status === null) {
    return (
      <Panel title="Connection status">
        <Spinner label="Loading the connection status" />
      </Panel>
    );
  }
  const l = status.listener;
  return (
    <Panel title="Connection status" subtitle="The webhook listener on this computer and the replies waiting to be sent.">
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt>Webhook listener</dt>
          <dd data-testid="listener-state">
            <Badge tone={listenerTone[l.state] ?? 'neutral'} dot>
              {l.state === 'listening' ? 'Listening' : l.state === 'failed' ? 'Not listening' : 'Stopped'}
            </Badge>{' '}
            <span className={styles.mono}>{l.addr}</span>
            {l.error !== '' && <span className={styles.errorLine}>{l.error}</span>}
          </dd>
        </div>
        <div className={styles.fact}>
          <dt>Outgoing messages</dt>
          <dd>
            {status.queued} queued · {status.sent} sent · {status.failed} failed
            <WaitingReplies sending={status.sending} />
          </dd>
        </div>
      </dl>
    </Panel>
  );
}
