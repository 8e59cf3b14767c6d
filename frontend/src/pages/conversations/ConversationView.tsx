import { FileText, RotateCcw, Send, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Badge, Button, confirm, Spinner, Switch, toast } from '../../components/ui';
import { SendTemplateDialog } from '../../components/template/SendTemplateDialog';
import { templateListStore } from '../../components/template/templateList';
import { AttributeValue } from '../../components/values';
import type { app } from '../../lib/backend';
import { formatBytes } from '../../components/media';
import { formatTime } from '../../lib/format';
import { MessageBubble } from './MessageBubble';
import { useConversations } from './conversationsStore';
import styles from './ConversationsPage.module.css';

/** The open conversation: header with the bot's switch, messages, attributes and the reply box. */
export function ConversationView() {
  const detail = useConversations((s) => s.detail);
  const messages = useConversations((s) => s.messages);
  const values = useConversations((s) => s.values);
  const error = useConversations((s) => s.viewError);
  const more = useConversations((s) => s.more);
  const loadOlder = useConversations((s) => s.loadOlder);
  const bottom = useRef<HTMLDivElement>(null);

  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length]);

  if (error !== '') {
    return (
      <p className={styles.error} role="alert">
        {error}
      </p>
    );
  }
  if (detail === null) {
    return <Spinner label="Loading the conversation" />;
  }
  return (
    <div className={styles.view}>
      <Header detail={detail} />
      <div className={styles.body}>
        {more && (
          <div className={styles.older}>
            <Button size="sm" variant="ghost" onClick={() => void loadOlder()}>
              Load earlier messages
            </Button>
          </div>
        )}
        <ol className={styles.messages} aria-label="Messages">
          {messages.map((m) => (
            <MessageBubble key={m.id} m={m} contactName={detail.contact.name || detail.contact.phone} />
          ))}
        </ol>
        <div ref={bottom} />
      </div>
      {values.some((v) => v.value !== '') && <Values values={values} />}
      <Composer contact={detail.contact} />
    </div>
  );
}

function Header({ detail }: { detail: app.ContactDetail }) {
  const setBotPaused = useConversations((s) => s.setBotPaused);
  const restart = useConversations((s) => s.restart);
  const remove = useConversations((s) => s.remove);
  const c = detail.contact;
  const toggle = async (on: boolean) => {
    const problem = await setBotPaused(!on);
    if (problem !== '') toast.error('Could not change the bot', problem);
  };
  const restartSession = async () => {
    const ok = await confirm({
      title: 'Restart the session?',
      message: `${c.name || c.phone}'s next message starts the published flow from the beginning. Their attribute values are kept.`,
      confirmLabel: 'Restart session',
    });
    if (!ok) return;
    const problem = await restart();
    if (problem === '') toast.success('Session restarted');
    else toast.error('Could not restart the session', problem);
  };
  const deleteConversation = async () => {
    const who = c.name || c.phone;
    const ok = await confirm({
      title: `Delete the conversation with ${who}?`,
      message:
        'Its messages, attribute values and files are deleted from this computer (files a flow or another conversation still uses stay). Backups keep their copy until they are pruned.',
      confirmLabel: 'Delete conversation',
      danger: true,
    });
    if (!ok) return;
    const freed = await remove();
    if (typeof freed === 'string') toast.error('Could not delete the conversation', freed);
    else toast.success(`Conversation with ${who} deleted`, freed.files > 0 ? `${freed.files} file${freed.files === 1 ? '' : 's'} (${formatBytes(freed.bytes)}) deleted.` : undefined);
  };
  return (
    <header className={styles.viewHeader}>
      <div className={styles.who}>
        <h2 className={styles.whoName}>{c.name || c.phone || c.waId}</h2>
        <span className={styles.whoMeta}>
          {c.phone !== '' ? `+${c.phone}` : c.userId}
          {' · '}
          {c.windowOpen ? (
            <Badge tone="success" title="WhatsApp allows free-form replies for 24 hours after the customer's last message.">
              Replies allowed until {formatTime(c.windowExpiresAt)}
            </Badge>
          ) : (
            <Badge tone="warning">24-hour window closed</Badge>
          )}
          {detail.nodeId !== '' && <span className={styles.faint}> · waiting at node {detail.nodeId}</span>}
        </span>
      </div>
      <div className={styles.headerActions}>
        <Switch
          checked={!c.botPaused}
          onChange={(on) => void toggle(on)}
          label={c.botPaused ? 'Bot paused' : 'Bot answers'}
          description={c.botPaused ? 'You are handling this contact.' : undefined}
        />
        <Button size="sm" icon={<RotateCcw size={14} />} onClick={() => void restartSession()}>
          Restart session
        </Button>
        <Button size="sm" variant="ghost" icon={<Trash2 size={14} />} onClick={() => void deleteConversation()}>
          Delete
        </Button>
      </div>
    </header>
  );
}

function Values({ values }: { values: app.ContactValue[] }) {
  return (
    <details className={styles.values}>
      <summary>Attributes</summary>
      <dl>
        {values
          .filter((v) => v.value !== '')
          .map((v) => (
            <div key={v.name} className={styles.value}>
              <dt>
                <code>{v.name}</code>
              </dt>
              <dd>
                <AttributeValue value={v.value} type={v.type} />
              </dd>
            </div>
          ))}
      </dl>
    </details>
  );
}

/** Reloads the synced templates each time the dialog opens (another window may have synced). */
const loadSyncedTemplates = async () => {
  await templateListStore.getState().load();
  const { status, error, templates } = templateListStore.getState();
  if (status === 'error') throw new Error(error);
  return templates;
};

function Composer({ contact }: { contact: app.ContactSummary }) {
  const reply = useConversations((s) => s.reply);
  const sendTemplate = useConversations((s) => s.sendTemplate);
  const [choosing, setChoosing] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const closed = !contact.windowOpen;

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    if (text.trim() === '' || sending) return;
    setSending(true);
    const problem = await reply(text);
    setSending(false);
    setError(problem);
    if (problem === '') setText('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void send();
    }
  };
  return (
    <>
      <form className={styles.composer} onSubmit={(e) => void send(e)} aria-label="Reply">
        {error !== '' && (
          <p className={styles.error} role="alert">
            {error}
          </p>
        )}
        <div className={styles.composeRow}>
          <textarea
            aria-label="Your reply"
            rows={2}
            value={text}
            disabled={closed}
            placeholder={
              closed ? 'The customer last wrote more than 24 hours ago; WhatsApp only allows templates now.' : 'Write a reply (Enter sends, Shift+Enter for a new line)'
            }
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKey}
          />
          <Button
            variant={closed ? 'primary' : 'secondary'}
            icon={<FileText size={15} />}
            onClick={() => setChoosing(true)}
            title="Send an approved WhatsApp template (allowed after the 24-hour window)"
          >
            Send a template
          </Button>
          <Button type="submit" variant="primary" icon={<Send size={15} />} loading={sending} disabled={closed || text.trim() === ''}>
            Send
          </Button>
        </div>
      </form>
      <SendTemplateDialog
        open={choosing}
        onClose={() => setChoosing(false)}
        contactName={contact.name !== '' ? contact.name : contact.phone}
        loadTemplates={loadSyncedTemplates}
        send={async (t, values, media) => {
          await sendTemplate(t.name, t.language, values, media);
          toast.success('Template sent', `${t.name} is on its way to ${contact.name !== '' ? contact.name : contact.phone}.`);
        }}
      />
    </>
  );
}
