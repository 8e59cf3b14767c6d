import type { inbox } from '../../lib/backend';

/** Choices shown under a bot message with buttons or a list. */
export interface Choice {
  id: string;
  title: string;
}

/** What a message's details JSON says beyond its text. */
export interface Details {
  choices: Choice[];
  /** The label of the button that opens a list. */
  listButton: string;
  mediaUrl: string;
  mediaType: string;
  /** The id of the button or row a customer tapped. */
  replyId: string;
}

/** Reads the details of a message (outgoing: the sent message; incoming: reply, media...). */
export function details(m: inbox.MessageView): Details {
  const out: Details = { choices: [], listButton: '', mediaUrl: '', mediaType: '', replyId: '' };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(m.details || '{}') as Record<string, unknown>;
  } catch {
    return out;
  }
  const opts = (v: unknown): Choice[] =>
    Array.isArray(v)
      ? v
          .filter((o): o is Record<string, unknown> => typeof o === 'object' && o !== null)
          .map((o) => ({ id: typeof o.id === 'string' ? o.id : '', title: typeof o.title === 'string' ? o.title : '' }))
      : [];
  out.choices = [...opts(raw.buttons), ...opts(raw.rows)];
  out.listButton = typeof raw.button === 'string' ? raw.button : '';
  out.mediaUrl = typeof raw.mediaUrl === 'string' ? raw.mediaUrl : '';
  out.mediaType = typeof raw.mediaType === 'string' ? raw.mediaType : '';
  out.replyId = typeof raw.replyId === 'string' ? raw.replyId : '';
  return out;
}

/** How the inbox words a message's status. */
export function statusLabel(m: inbox.MessageView): string {
  if (m.direction === 'out') {
    switch (m.status) {
      case 'queued':
        return retrying(m) ? `Retrying (attempt ${m.attempts + 1}${m.retryAt ? ` at ${messageTime(m.retryAt)}` : ''}): ${m.error}` : 'Queued';
      case 'sent':
        return 'Sent';
      case 'delivered':
        return 'Delivered';
      case 'read':
        return 'Read';
      case 'failed':
        return m.error === '' ? 'Failed' : `Failed: ${m.error}`;
    }
    return m.status;
  }
  switch (m.status) {
    case 'received':
      return 'Waiting for the bot';
    case 'stale':
    case 'skipped':
    case 'failed':
      return m.error === '' ? 'Not answered' : m.error.charAt(0).toUpperCase() + m.error.slice(1);
  }
  return '';
}

/** Whether a reply waits for another try after a failed send (its error says why). */
export function retrying(m: inbox.MessageView): boolean {
  return m.direction === 'out' && m.status === 'queued' && m.attempts > 0 && m.error !== '';
}

/** Who wrote an outgoing message, for the line under it. */
export function sourceLabel(m: inbox.MessageView): string {
  if (m.direction === 'in') return '';
  return m.source === 'agent' ? 'You' : 'Bot';
}

/** A short clock time for a message, or the full date when it is not today. */
export function messageTime(rfc3339: string, now = new Date()): string {
  const t = new Date(rfc3339);
  if (Number.isNaN(t.getTime())) return '';
  const sameDay = t.toDateString() === now.toDateString();
  return sameDay
    ? t.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : t.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
