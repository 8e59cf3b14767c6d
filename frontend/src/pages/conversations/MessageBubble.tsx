import { AlertCircle, BellRing, Check, CheckCheck, Clock } from 'lucide-react';
import { Attachment } from '../../components/media';
import type { inbox } from '../../lib/backend';
import { cx } from '../../lib/cx';
import { attachmentOf } from './attachment';
import { details, messageTime, retrying, sourceLabel, statusLabel } from './model';
import { SentTemplateBottom, SentTemplateTop } from './SentTemplate';
import { sentTemplate } from './templateParts';
import styles from './ConversationsPage.module.css';

function StatusIcon({ status }: { status: string }) {
  switch (status) {
    case 'queued':
      return <Clock size={12} aria-hidden="true" />;
    case 'sent':
      return <Check size={12} aria-hidden="true" />;
    case 'delivered':
      return <CheckCheck size={12} aria-hidden="true" />;
    case 'read':
      return <CheckCheck size={12} aria-hidden="true" className={styles.readIcon} />;
    case 'failed':
      return <AlertCircle size={12} aria-hidden="true" />;
  }
  return null;
}

/** One message of a conversation: the customer's on the left, the bot's and yours on the right. */
export function MessageBubble({ m, contactName = '' }: { m: inbox.MessageView; contactName?: string }) {
  const d = details(m);
  const template = sentTemplate(m);
  const file = attachmentOf(m);
  const out = m.direction === 'out';
  const status = statusLabel(m);
  const problem = m.status === 'failed' || m.status === 'stale' || m.status === 'skipped';
  const waiting = retrying(m);
  if (m.source === 'notify') {
    // A notification from the business's own systems (POST /notify): not
    // the customer talking, so it sits in the middle like a system note.
    return (
      <li className={cx(styles.message, styles.notification)} data-testid="message" data-status={m.status}>
        <div className={cx(styles.bubble, problem && styles.problemBubble)}>
          <p className={styles.text}>
            <BellRing size={13} aria-hidden="true" /> {m.text}
          </p>
        </div>
        <div className={cx(styles.meta, problem && styles.problemText)}>
          <time dateTime={m.at}>{messageTime(m.at)}</time>
          {problem && m.error !== '' && ` · ${m.error}`}
        </div>
      </li>
    );
  }
  return (
    <li className={cx(styles.message, out ? styles.outgoing : styles.incoming)} data-testid="message" data-status={m.status}>
      <div className={cx(styles.bubble, problem && styles.problemBubble)}>
        {file !== null && <Attachment a={file} caption={file.caption} from={out ? '' : contactName} />}
        {template !== null && <SentTemplateTop t={template} />}
        {/* A customer's file shows its caption, not the list's "[image] ..." summary. */}
        {(file === null ? m.text : file.caption) !== '' && <p className={styles.text}>{file === null ? m.text : file.caption}</p>}
        {template !== null && <SentTemplateBottom t={template} />}
        {d.choices.length > 0 && (
          <ul className={styles.choices} aria-label="Choices offered">
            {d.listButton !== '' && <li className={styles.listButton}>{d.listButton}</li>}
            {d.choices.map((c) => (
              <li key={c.id + c.title}>{c.title}</li>
            ))}
          </ul>
        )}
      </div>
      <div className={cx(styles.meta, problem && styles.problemText)}>
        {out && <span>{sourceLabel(m)} · </span>}
        <time dateTime={m.at}>{messageTime(m.at)}</time>
        {status !== '' && (
          <>
            {' · '}
            <span className={cx(styles.status, waiting && styles.retrying)} data-testid="message-status" data-retrying={waiting || undefined}>
              {waiting ? <AlertCircle size={12} aria-hidden="true" /> : <StatusIcon status={m.status} />} {status}
            </span>
          </>
        )}
      </div>
    </li>
  );
}

