import { MessagesSquare, Settings } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Button, EmptyState, Page, SplitPane } from '../../components/ui';
import { onEvent, type inbox } from '../../lib/backend';
import { navigate } from '../../lib/router';
import { ContactList } from './ContactList';
import { ConversationView } from './ConversationView';
import { messageEvent, statusEvent, useConversations } from './conversationsStore';
import styles from './ConversationsPage.module.css';

/** The conversations inbox: contacts on the left, the open chat on the right, updated live. */
export function ConversationsPage() {
  const list = useConversations((s) => s.list);
  const search = useConversations((s) => s.search);
  const selectedId = useConversations((s) => s.selectedId);
  const loadList = useConversations((s) => s.loadList);
  const apply = useConversations((s) => s.apply);
  const refresh = useRef(0);

  useEffect(() => {
    void loadList();
    // Live updates: patch the open chat at once, refresh the list shortly after.
    const onMessage = (m: inbox.MessageView) => {
      apply(m);
      window.clearTimeout(refresh.current);
      refresh.current = window.setTimeout(() => {
        void loadList();
        const s = useConversations.getState();
        if (m.contactId === s.selectedId) {
          void s.refreshOpen();
        }
      }, 300);
    };
    const offMessage = onEvent<inbox.MessageView>(messageEvent, onMessage);
    const offStatus = onEvent<inbox.MessageView>(statusEvent, (m) => apply(m));
    return () => {
      offMessage();
      offStatus();
      window.clearTimeout(refresh.current);
    };
  }, [loadList, apply]);

  const empty = list !== null && list.length === 0 && search === '';
  return (
    <Page
      title="Conversations"
      icon={<MessagesSquare size={18} />}
      description="Live WhatsApp chats with your customers."
      fullBleed={!empty}
    >
      {empty ? (
        <EmptyState
          fill
          icon={<MessagesSquare size={22} />}
          title="No conversations yet"
          actions={
            <Button icon={<Settings size={15} />} onClick={() => navigate('settings')}>
              Connect WhatsApp
            </Button>
          }
          hint="Messages arrive once your WhatsApp number is connected in Settings."
        >
          When customers message your WhatsApp number, their chats appear here. Read along as the bot answers, pause it
          for a contact, and reply yourself.
        </EmptyState>
      ) : (
        <SplitPane defaultSize={320} minSize={240} maxSize={520} label="Resize the contact list">
          <ContactList />
          <div className={styles.viewPane}>
            {selectedId === null ? (
              <EmptyState fill icon={<MessagesSquare size={22} />} title="Choose a conversation">
                Pick a contact on the left to read along and reply.
              </EmptyState>
            ) : (
              <ConversationView />
            )}
          </div>
        </SplitPane>
      )}
    </Page>
  );
}
