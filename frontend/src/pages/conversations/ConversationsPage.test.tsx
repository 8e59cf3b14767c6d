import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfirmHost, Toaster } from '../../components/ui';
import type { app, inbox } from '../../lib/backend';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { ConversationsPage } from './ConversationsPage';
import { useConversations } from './conversationsStore';

const future = new Date(Date.now() + 3600_000).toISOString();

function contact(id: number, name: string, extra: Partial<app.ContactSummary> = {}): app.ContactSummary {
  return {
    id,
    name,
    phone: `55119999000${id}`,
    waId: `55119999000${id}`,
    userId: '',
    unread: 0,
    botPaused: false,
    windowOpen: true,
    windowExpiresAt: future,
    lastMessageAt: '2026-01-02T03:04:05Z',
    last: { direction: 'in', source: 'customer', type: 'text', text: `hello from ${name}`, status: 'received', at: '2026-01-02T03:04:05Z' },
    ...extra,
  } as app.ContactSummary;
}

function message(id: number, contactId: number, extra: Partial<inbox.MessageView>): inbox.MessageView {
  return {
    id,
    contactId,
    direction: 'in',
    waMessageId: `wamid.${id}`,
    type: 'text',
    text: '',
    details: '{}',
    status: 'done',
    error: '',
    source: 'customer',
    at: '2026-01-02T03:04:05Z',
    attempts: 0,
    retryAt: '',
    ...extra,
  };
}

let contacts: app.ContactSummary[];
let fake: FakeBackend;
let nextId: number;

beforeEach(() => {
  useConversations.setState({ list: null, search: '', listError: '', selectedId: null, detail: null, messages: [], more: false, values: [], viewError: '' });
  nextId = 100;
  contacts = [contact(1, 'Ana Souza', { unread: 2 }), contact(2, 'Bo Li', { windowOpen: false, botPaused: true })];
  const conv: Record<number, inbox.MessageView[]> = {
    1: [
      message(1, 1, { text: 'hi' }),
      message(2, 1, {
        direction: 'out',
        source: 'bot',
        type: 'buttons',
        text: 'How can we help?',
        status: 'read',
        details: '{"kind":"buttons","buttons":[{"id":"track","title":"Track order"},{"id":"agent","title":"Talk to us"}]}',
      }),
      message(3, 1, { direction: 'out', source: 'bot', text: 'Your order shipped', status: 'failed', error: '(#131026) Message undeliverable' }),
    ],
    2: [message(4, 2, { text: 'old question', status: 'stale', error: 'not answered: it arrived 30m after it was sent (limit 10m0s)' })],
  };
  const detail = (id: number): app.ContactDetail =>
    ({ contact: contacts.find((c) => c.id === id), flowId: 1, nodeId: id === 1 ? 'menu' : '', lastActivity: '' }) as app.ContactDetail;
  fake = installFakeBackend({
    Conversations: {
      List: (search: unknown) =>
        Promise.resolve(contacts.filter((c) => search === '' || c.name.toLowerCase().includes(String(search).toLowerCase()))),
      Contact: (id: unknown) => Promise.resolve(detail(id as number)),
      Messages: (id: unknown) => Promise.resolve(conv[id as number] ?? []),
      MarkRead: (id: unknown) => {
        contacts = contacts.map((c) => (c.id === id ? contact(c.id, c.name, { ...c, unread: 0 }) : c));
        return Promise.resolve(undefined);
      },
      Reply: (id: unknown, text: unknown) => {
        if (!contacts.find((c) => c.id === id)?.windowOpen) {
          return Promise.reject(new Error("The customer's last message is more than 24 hours old."));
        }
        return Promise.resolve(message(nextId++, id as number, { direction: 'out', source: 'agent', text: String(text), status: 'queued' }));
      },
      SetBotPaused: (id: unknown, paused: unknown) => {
        contacts = contacts.map((c) => (c.id === id ? contact(c.id, c.name, { ...c, botPaused: paused as boolean }) : c));
        return Promise.resolve(detail(id as number));
      },
      RestartSession: (id: unknown) => Promise.resolve({ ...detail(id as number), nodeId: '' }),
      SendTemplate: (id: unknown, name: unknown) =>
        Promise.resolve(
          message(nextId++, id as number, {
            direction: 'out',
            source: 'agent',
            type: 'template',
            text: 'Hi Bo, your order A17 has shipped.',
            status: 'queued',
            details: JSON.stringify({ kind: 'template', name }),
          }),
        ),
      Delete: (id: unknown) => {
        contacts = contacts.filter((c) => c.id !== id);
        return Promise.resolve({ files: 2, bytes: 2048 });
      },
    },
    Templates: {
      List: () =>
        Promise.resolve({
          syncedAt: '',
          missing: '',
          templates: [
            {
              id: '1',
              name: 'order_shipped',
              language: 'en_US',
              category: 'UTILITY',
              status: 'APPROVED',
              parameterFormat: 'positional',
              header: null,
              body: 'Hi {{1}}, your order {{2}} has shipped.',
              buttons: [],
            },
          ],
        }),
    },
    Attributes: {
      ContactValues: () => Promise.resolve([{ name: 'order_id', type: 'text', value: 'A17', builtIn: false }]),
    },
  });
});
afterEach(() => removeFakeBackend());

function renderPage() {
  return render(
    <>
      <ConversationsPage />
      <ConfirmHost />
      <Toaster />
    </>,
  );
}

async function open(name: string) {
  const user = userEvent.setup();
  renderPage();
  const list = await screen.findByRole('list', { name: 'Conversations' });
  await user.click(within(list).getByRole('button', { name: new RegExp(name) }));
  await screen.findByRole('heading', { level: 2, name });
  return user;
}

describe('ConversationsPage', () => {
  it('lists contacts with their last message, unread count and paused bot', async () => {
    renderPage();
    const list = await screen.findByRole('list', { name: 'Conversations' });
    const rows = within(list).getAllByRole('button');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('Ana Souza'), expect.stringContaining('Bo Li')]);
    expect(within(rows[0]).getByLabelText('2 unread')).toBeInTheDocument();
    expect(within(rows[0]).getByText('hello from Ana Souza')).toBeInTheDocument();
    expect(within(rows[1]).getByLabelText('Bot paused')).toBeInTheDocument();
  });

  it('searches by name or number', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('list', { name: 'Conversations' });
    await user.type(screen.getByLabelText('Search conversations'), 'bo');
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'Conversations.List' && c.args[0] === 'bo')).toBe(true));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Conversations' })).getAllByRole('button')).toHaveLength(1));
  });

  it('opens a conversation with statuses, choices, attributes, and marks it read', async () => {
    await open('Ana Souza');
    const messages = screen.getAllByTestId('message');
    expect(messages).toHaveLength(3);
    expect(within(messages[1]).getByRole('list', { name: 'Choices offered' })).toHaveTextContent('Track orderTalk to us');
    expect(within(messages[1]).getByTestId('message-status')).toHaveTextContent('Read');
    expect(within(messages[2]).getByTestId('message-status')).toHaveTextContent('Failed: (#131026) Message undeliverable');
    expect(screen.getByText(/Replies allowed until/)).toBeInTheDocument();
    expect(screen.getByText('A17')).toBeInTheDocument();
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'Conversations.MarkRead' && c.args[0] === 1)).toBe(true));
  });

  it('shows new messages and status changes live', async () => {
    await open('Ana Souza');
    act(() => {
      fake.emit('inbox:message', message(50, 1, { text: 'my order is A17' }));
      fake.emit('inbox:message', message(51, 2, { text: 'for someone else' }));
      fake.emit('inbox:status', message(3, 1, { direction: 'out', source: 'bot', text: 'Your order shipped', status: 'delivered' }));
    });
    const messages = screen.getAllByTestId('message');
    expect(messages).toHaveLength(4);
    expect(messages[3]).toHaveTextContent('my order is A17');
    expect(within(messages[2]).getByTestId('message-status')).toHaveTextContent('Delivered');
    expect(screen.queryByText('for someone else')).not.toBeInTheDocument();
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'Conversations.List').length).toBeGreaterThan(1));
  });

  it('replies by hand inside the window', async () => {
    const user = await open('Ana Souza');
    await user.type(screen.getByLabelText('Your reply'), 'Hi Ana, Carla here{Enter}');
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(4));
    expect(screen.getAllByTestId('message')[3]).toHaveTextContent('Hi Ana, Carla here');
    expect(screen.getAllByTestId('message')[3]).toHaveTextContent('You');
    expect(screen.getByLabelText('Your reply')).toHaveValue('');
  });

  it('explains a closed window and unanswered messages', async () => {
    await open('Bo Li');
    expect(screen.getByText('24-hour window closed')).toBeInTheDocument();
    expect(screen.getByLabelText('Your reply')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByTestId('message-status')).toHaveTextContent('Not answered: it arrived 30m after it was sent');
  });

  it('sends a template when the window is closed', async () => {
    const user = await open('Bo Li');
    await user.click(screen.getByRole('button', { name: 'Send a template' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send a template to Bo Li' });
    await waitFor(() => expect(within(dialog).getByLabelText('Template')).toHaveValue('order_shipped\u0000en_US'));
    await user.type(within(dialog).getByLabelText('Body {{1}}'), 'Bo');
    await user.type(within(dialog).getByLabelText('Body {{2}}'), 'A17');
    await user.click(within(dialog).getByRole('button', { name: 'Send template' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.calls.find((c) => c.name === 'Conversations.SendTemplate')?.args).toEqual([2, 'order_shipped', 'en_US', ['Bo', 'A17'], '']);
    expect(await screen.findByText('Template sent')).toBeInTheDocument();
  });

  it('pauses and resumes the bot and restarts the session', async () => {
    const user = await open('Ana Souza');
    const sw = screen.getByRole('switch');
    expect(sw).toHaveAttribute('aria-checked', 'true');
    await user.click(sw);
    await waitFor(() => expect(screen.getByRole('switch')).toHaveAttribute('aria-checked', 'false'));
    expect(fake.calls.find((c) => c.name === 'Conversations.SetBotPaused')?.args).toEqual([1, true]);
    expect(screen.getByText(/waiting at node menu/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Restart session' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restart session' }));
    await waitFor(() => expect(screen.queryByText(/waiting at node/)).not.toBeInTheDocument());
    expect(fake.calls.some((c) => c.name === 'Conversations.RestartSession')).toBe(true);
  });

  it('deletes a conversation after asking, and says which files went', async () => {
    const user = await open('Ana Souza');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('files a flow or another conversation still uses stay');
    await user.click(within(dialog).getByRole('button', { name: 'Delete conversation' }));
    await screen.findByText('Conversation with Ana Souza deleted');
    expect(screen.getByText('2 files (2 KB) deleted.')).toBeInTheDocument();
    expect(fake.calls.find((c) => c.name === 'Conversations.Delete')?.args).toEqual([1]);
    const list = screen.getByRole('list', { name: 'Conversations' });
    await waitFor(() => expect(within(list).queryByRole('button', { name: /Ana Souza/ })).not.toBeInTheDocument());
    expect(screen.queryByRole('heading', { level: 2, name: 'Ana Souza' })).not.toBeInTheDocument();
  });

  it('loads earlier messages of a long conversation', async () => {
    const long = Array.from({ length: 100 }, (_, i) => message(1000 + i, 1, { text: `line ${i}` }));
    const older = [message(900, 1, { text: 'the very first message' })];
    const base = window.go?.app?.Conversations as Record<string, (...a: unknown[]) => Promise<unknown>>;
    base.Messages = (_id: unknown, before: unknown) => Promise.resolve(before === 0 ? long : older);
    const user = await open('Ana Souza');
    expect(screen.getAllByTestId('message')).toHaveLength(100);
    await user.click(screen.getByRole('button', { name: 'Load earlier messages' }));
    await screen.findByText('the very first message');
    expect(screen.getAllByTestId('message')).toHaveLength(101);
    expect(screen.queryByRole('button', { name: 'Load earlier messages' })).not.toBeInTheDocument();
  });

  it('shows the empty state when nobody has written yet', async () => {
    contacts = [];
    renderPage();
    expect(await screen.findByRole('heading', { level: 2, name: 'No conversations yet' })).toBeInTheDocument();
  });
});
