import { create } from 'zustand';
import { Attributes, Conversations, type app, type inbox } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';

/** The events the Go inbox emits; both carry an inbox.MessageView. */
export const messageEvent = 'inbox:message';
export const statusEvent = 'inbox:status';

interface ConversationsState {
  /** Contacts, most recent first; null until loaded. */
  list: app.ContactSummary[] | null;
  search: string;
  listError: string;
  selectedId: number | null;
  detail: app.ContactDetail | null;
  /** The open conversation, oldest first. */
  messages: inbox.MessageView[];
  /** Whether older messages may exist (the last page was full). */
  more: boolean;
  /** The open contact's attribute values. */
  values: app.ContactValue[];
  viewError: string;
  loadList: () => Promise<void>;
  setSearch: (search: string) => Promise<void>;
  select: (id: number | null) => Promise<void>;
  /** Applies a live event: a new message or a changed status. */
  apply: (m: inbox.MessageView) => void;
  /** Loads the page of messages before the oldest one shown. */
  loadOlder: () => Promise<void>;
  /** Reloads the open contact's header and attributes, marking it read. */
  refreshOpen: () => Promise<void>;
  reply: (text: string) => Promise<string>;
  /** Sends an approved template to the open contact; rejects with the reason it was refused. */
  sendTemplate: (name: string, language: string, values: string[], headerMediaUrl: string) => Promise<void>;
  setBotPaused: (paused: boolean) => Promise<string>;
  restart: () => Promise<string>;
  /**
   * Deletes the open conversation (and the files only it used); resolves to
   * what was freed, or to a problem sentence.
   */
  remove: () => Promise<app.DeletedConversation | string>;
}

/** How many messages Conversations.Messages returns per page. */
const pageSize = 100;

/** Inserts or replaces m in a conversation kept in id order. */
export function upsert(list: inbox.MessageView[], m: inbox.MessageView): inbox.MessageView[] {
  const i = list.findIndex((x) => x.id === m.id);
  if (i >= 0) {
    const next = list.slice();
    next[i] = m;
    return next;
  }
  return [...list, m].sort((a, b) => a.id - b.id);
}

/** State and actions of the Conversations page. */
export const useConversations = create<ConversationsState>()((set, get) => ({
  list: null,
  search: '',
  listError: '',
  selectedId: null,
  detail: null,
  messages: [],
  more: false,
  values: [],
  viewError: '',
  loadList: async () => {
    try {
      set({ list: await Conversations.List(get().search), listError: '' });
    } catch (err) {
      set({ listError: errorMessage(err) });
    }
  },
  setSearch: async (search) => {
    set({ search });
    await get().loadList();
  },
  select: async (id) => {
    set({ selectedId: id, detail: null, messages: [], more: false, values: [], viewError: '' });
    if (id === null) return;
    try {
      const [detail, messages, values] = await Promise.all([
        Conversations.Contact(id),
        Conversations.Messages(id, 0),
        Attributes.ContactValues(id),
      ]);
      if (get().selectedId !== id) return;
      set({ detail, messages, values, more: messages.length >= pageSize });
      if (detail.contact.unread > 0) {
        await Conversations.MarkRead(id);
        await get().loadList();
      }
    } catch (err) {
      if (get().selectedId === id) set({ viewError: errorMessage(err) });
    }
  },
  apply: (m) => {
    if (m.contactId === get().selectedId) {
      set({ messages: upsert(get().messages, m) });
    }
  },
  loadOlder: async () => {
    const { selectedId: id, messages } = get();
    if (id === null || messages.length === 0) return;
    try {
      const older = await Conversations.Messages(id, messages[0].id);
      if (get().selectedId !== id) return;
      set({ messages: [...older, ...get().messages], more: older.length >= pageSize });
    } catch (err) {
      set({ viewError: errorMessage(err) });
    }
  },
  refreshOpen: async () => {
    const id = get().selectedId;
    if (id === null) return;
    try {
      const [detail, values] = await Promise.all([Conversations.Contact(id), Attributes.ContactValues(id)]);
      if (get().selectedId !== id) return;
      set({ detail, values });
      if (detail.contact.unread > 0) {
        await Conversations.MarkRead(id);
        await get().loadList();
      }
    } catch {
      // The open view keeps what it has; the next event tries again.
    }
  },
  reply: async (text) => {
    const id = get().selectedId;
    if (id === null) return 'Choose a conversation first.';
    try {
      const m = await Conversations.Reply(id, text);
      get().apply(m);
      return '';
    } catch (err) {
      return errorMessage(err);
    }
  },
  sendTemplate: async (name, language, values, headerMediaUrl) => {
    const id = get().selectedId;
    if (id === null) throw new Error('Choose a conversation first.');
    const m = await Conversations.SendTemplate(id, name, language, values, headerMediaUrl);
    get().apply(m);
  },
  setBotPaused: async (paused) => {
    const id = get().selectedId;
    if (id === null) return '';
    try {
      set({ detail: await Conversations.SetBotPaused(id, paused) });
      await get().loadList();
      return '';
    } catch (err) {
      return errorMessage(err);
    }
  },
  restart: async () => {
    const id = get().selectedId;
    if (id === null) return '';
    try {
      set({ detail: await Conversations.RestartSession(id) });
      await get().loadList();
      return '';
    } catch (err) {
      return errorMessage(err);
    }
  },
  remove: async () => {
    const id = get().selectedId;
    if (id === null) return 'Choose a conversation first.';
    try {
      const freed = await Conversations.Delete(id);
      await get().select(null);
      await get().loadList();
      return freed;
    } catch (err) {
      return errorMessage(err);
    }
  },
}));
