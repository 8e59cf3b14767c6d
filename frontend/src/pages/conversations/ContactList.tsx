import { PauseCircle, Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Badge, Spinner } from '../../components/ui';
import type { app } from '../../lib/backend';
import { cx } from '../../lib/cx';
import { useFindShortcut } from '../../lib/useFindShortcut';
import { messageTime } from './model';
import { useConversations } from './conversationsStore';
import styles from './ConversationsPage.module.css';

/** The searchable list of contacts, most recent conversation first. */
export function ContactList() {
  const list = useConversations((s) => s.list);
  const error = useConversations((s) => s.listError);
  const selectedId = useConversations((s) => s.selectedId);
  const select = useConversations((s) => s.select);
  const setSearch = useConversations((s) => s.setSearch);
  const [query, setQuery] = useState(useConversations.getState().search);
  const searchRef = useFindShortcut<HTMLInputElement>();

  useEffect(() => {
    const timer = window.setTimeout(() => void setSearch(query.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [query, setSearch]);

  return (
    <div className={styles.listPane}>
      <label className={styles.search}>
        <Search size={14} aria-hidden="true" />
        <input ref={searchRef} type="search" placeholder="Search by name or number" aria-label="Search conversations" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {error !== '' && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      {list === null ? (
        <Spinner label="Loading conversations" />
      ) : list.length === 0 ? (
        <p className={styles.faint}>No contact matches “{query}”.</p>
      ) : (
        <ul className={styles.contacts} aria-label="Conversations">
          {list.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={cx(styles.contact, c.id === selectedId && styles.selected)}
                aria-current={c.id === selectedId ? 'true' : undefined}
                onClick={() => void select(c.id)}
              >
                <ContactRow c={c} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ContactRow({ c }: { c: app.ContactSummary }) {
  const name = c.name || c.phone || c.waId;
  const prefix = c.last.direction !== 'out' ? '' : c.last.source === 'agent' ? 'You: ' : 'Bot: ';
  return (
    <>
      <span className={styles.contactTop}>
        <span className={styles.contactName}>{name}</span>
        <span className={styles.contactTime}>{messageTime(c.last.at || c.lastMessageAt)}</span>
      </span>
      <span className={styles.contactBottom}>
        <span className={styles.snippet}>{c.last.text === '' ? '—' : prefix + c.last.text}</span>
        {c.botPaused && <PauseCircle size={14} aria-label="Bot paused" className={styles.pausedIcon} />}
        {c.unread > 0 && (
          <Badge tone="accent" aria-label={`${c.unread} unread`}>
            {c.unread}
          </Badge>
        )}
      </span>
    </>
  );
}
