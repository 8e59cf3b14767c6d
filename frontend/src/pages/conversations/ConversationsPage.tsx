import { MessagesSquare, Settings } from 'lucide-react';
import { Button, EmptyState, Page } from '../../components/ui';
import { navigate } from '../../lib/router';

/** The conversations inbox; until it lands it explains what will be here. */
export function ConversationsPage() {
  return (
    <Page
      title="Conversations"
      icon={<MessagesSquare size={18} />}
      description="Live WhatsApp chats with your customers."
    >
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
    </Page>
  );
}
