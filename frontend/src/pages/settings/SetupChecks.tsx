import { CheckCircle2, Circle } from 'lucide-react';
import type { app } from '../../lib/backend';
import { formatTime } from '../../lib/format';
import styles from './PublicAddress.module.css';

interface Check {
  id: string;
  done: boolean;
  title: string;
  doneText: string;
  todo: string;
}

/**
 * The two moments that prove the address works, as green checks: Meta's
 * verification handshake (the callback URL and verify token are right) and
 * the first signed webhook (the app secret is right and messages arrive).
 */
export function SetupChecks({ address }: { address: app.PublicAddress }) {
  const checks: Check[] = [
    {
      id: 'verified',
      done: address.lastVerifiedAt !== '',
      title: 'Meta verified the webhook',
      doneText: address.lastVerifiedAt === '' ? '' : `Last on ${formatTime(address.lastVerifiedAt)}`,
      todo: "In Meta's dashboard open WhatsApp › Configuration › Webhook › Edit, paste the two values above and press Verify and save.",
    },
    {
      id: 'event',
      done: address.lastEventAt !== '',
      title: 'A signed message arrived',
      doneText: address.lastEventAt === '' ? '' : `Last on ${formatTime(address.lastEventAt)}`,
      todo: 'Subscribe to the messages field in Meta, then send "hi" to your business number from your phone.',
    },
  ];
  return (
    <ul className={styles.checks} aria-label="Webhook checks">
      {checks.map((c) => (
        <li key={c.id} className={styles.check} data-check={c.id} data-done={c.done}>
          {c.done ? (
            <CheckCircle2 size={18} className={styles.checkDone} aria-hidden="true" />
          ) : (
            <Circle size={18} className={styles.checkTodo} aria-hidden="true" />
          )}
          <span className={styles.checkText}>
            <span className={styles.checkTitle}>
              {c.title}
              <span className="visually-hidden">{c.done ? ' (done)' : ' (not yet)'}</span>
            </span>
            <span className={styles.checkHint}>{c.done ? c.doneText : c.todo}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
