import { Badge, Panel, Spinner, type BadgeTone } from '../../components/ui';
import type { app } from '../../lib/backend';
import { formatTime } from '../../lib/format';
import { CopyField } from './CopyField';
import { WaitingReplies } from './WaitingReplies';
import styles from './SettingsPage.module.css';

const listenerTone: Record<string, BadgeTone> = { listening: 'success', failed: 'danger', stopped: 'neutral' };

function when(rfc3339: string, never: string): string {
  return rfc3339 === '' ? never : formatTime(rfc3339);
}

/** The live state of the WhatsApp connection: listener, handshake, last event, queue. */
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
    <Panel title="Connection status" subtitle="Paste the callback URL and verify token into Meta's webhook settings.">
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
          <dt>Meta verified the webhook</dt>
          <dd data-testid="last-verified">{when(status.lastVerifiedAt, 'Not yet')}</dd>
        </div>
        <div className={styles.fact}>
          <dt>Last event from Meta</dt>
          <dd data-testid="last-event">{when(status.lastEventAt, 'None yet')}</dd>
        </div>
        <div className={styles.fact}>
          <dt>Outgoing messages</dt>
          <dd>
            {status.queued} queued · {status.sent} sent · {status.failed} failed
            <WaitingReplies sending={status.sending} />
          </dd>
        </div>
      </dl>
      <div className={styles.copies}>
        <CopyField label="Callback URL" value={status.callbackUrl} empty="Set the public base URL below" />
        <CopyField label="Verify token" value={status.verifyToken} empty="Generate one below" />
      </div>
    </Panel>
  );
}
