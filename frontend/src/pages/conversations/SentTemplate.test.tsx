import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { inbox } from '../../lib/backend';
import { MessageBubble } from './MessageBubble';
import { sentTemplate } from './templateParts';

const details = JSON.stringify({
  kind: 'template',
  to: '15550001111',
  text: 'Hi Ana, order A1001 has shipped.',
  template: {
    name: 'order_shipped',
    language: 'en_US',
    headerType: 'image',
    headerMediaUrl: 'https://cdn.example/p.jpg',
    values: [],
    quickReplies: [{ index: 0, payload: 'Track it' }],
    body: 'Hi Ana, order A1001 has shipped.',
    footer: 'Shop Example',
    buttons: ['Track it', 'Order details'],
  },
});

const message = inbox.MessageView.createFrom({
  id: 7,
  contactId: 1,
  direction: 'out',
  waMessageId: '',
  type: 'template',
  text: 'Hi Ana, order A1001 has shipped.',
  details,
  status: 'sent',
  error: '',
  source: 'agent',
  at: '2025-03-01T10:00:00Z',
});

describe('a sent template in the conversation', () => {
  it('reads the template parts', () => {
    expect(sentTemplate(message)).toMatchObject({ name: 'order_shipped', footer: 'Shop Example', quickReplies: [0] });
    expect(sentTemplate({ ...message, type: 'text' })).toBeNull();
    expect(sentTemplate({ ...message, details: '{' })).toBeNull();
  });

  it('shows its name, header media, body, footer and buttons', () => {
    render(
      <ol>
        <MessageBubble m={message} />
      </ol>,
    );
    const bubble = screen.getByTestId('message');
    expect(bubble).toHaveTextContent('Template order_shipped · English (United States)');
    expect(within(bubble).getByRole('link')).toHaveAttribute('href', 'https://cdn.example/p.jpg');
    expect(bubble).toHaveTextContent('Hi Ana, order A1001 has shipped.');
    expect(within(bubble).getByText('Shop Example')).toBeInTheDocument();
    const buttons = within(within(bubble).getByRole('list', { name: 'Template buttons' })).getAllByRole('listitem');
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Track it', 'Order details']);
  });
});
