import { describe, expect, it } from 'vitest';
import type { inbox } from '../../lib/backend';
import { details, messageTime, sourceLabel, statusLabel } from './model';
import { upsert } from './conversationsStore';

function msg(extra: Partial<inbox.MessageView>): inbox.MessageView {
  return {
    id: 1,
    contactId: 7,
    direction: 'out',
    waMessageId: '',
    type: 'text',
    text: 'Hi',
    details: '{}',
    status: 'queued',
    error: '',
    source: 'bot',
    at: '2026-01-02T03:04:05Z',
    attempts: 0,
    retryAt: '',
    ...extra,
  };
}

describe('conversation model', () => {
  it('reads the choices of a sent buttons or list message', () => {
    expect(details(msg({ details: '{"kind":"buttons","buttons":[{"id":"a","title":"Track"},{"id":"b","title":"Agent"}]}' })).choices).toEqual([
      { id: 'a', title: 'Track' },
      { id: 'b', title: 'Agent' },
    ]);
    const list = details(msg({ details: '{"kind":"list","button":"Colors","rows":[{"id":"r1","title":"Blue","description":"x"}]}' }));
    expect(list.listButton).toBe('Colors');
    expect(list.choices).toEqual([{ id: 'r1', title: 'Blue' }]);
    expect(details(msg({ details: '{"mediaUrl":"https://x/a.png","mediaType":"image"}' })).mediaType).toBe('image');
    expect(details(msg({ direction: 'in', details: '{"replyId":"track"}' })).replyId).toBe('track');
  });

  it('survives details that are not what it expects', () => {
    for (const bad of ['', 'not json', '[]', '{"buttons":"nope"}', '{"buttons":[1,null,{"id":3}]}']) {
      expect(() => details(msg({ details: bad }))).not.toThrow();
    }
    expect(details(msg({ details: '{"buttons":[1,null,{"id":3}]}' })).choices).toEqual([{ id: '', title: '' }]);
  });

  it('words statuses for people', () => {
    const cases: [Partial<inbox.MessageView>, string][] = [
      [{ status: 'queued' }, 'Queued'],
      [{ status: 'sent' }, 'Sent'],
      [{ status: 'delivered' }, 'Delivered'],
      [{ status: 'read' }, 'Read'],
      [{ status: 'failed', error: '(#131047) Re-engagement message' }, 'Failed: (#131047) Re-engagement message'],
      [{ status: 'failed' }, 'Failed'],
      [{ direction: 'in', status: 'received' }, 'Waiting for the bot'],
      [{ direction: 'in', status: 'done' }, ''],
      [{ direction: 'in', status: 'stale', error: 'not answered: it arrived 2h after it was sent' }, 'Not answered: it arrived 2h after it was sent'],
      [{ direction: 'in', status: 'skipped' }, 'Not answered'],
      [
        { status: 'queued', attempts: 3, error: 'Could not reach WhatsApp: connection refused', retryAt: '2026-01-02T12:03:00Z' },
        `Retrying (attempt 4 at ${messageTime('2026-01-02T12:03:00Z')}): Could not reach WhatsApp: connection refused`,
      ],
      [{ status: 'queued', attempts: 1, error: 'Service unavailable' }, 'Retrying (attempt 2): Service unavailable'],
    ];
    for (const [m, want] of cases) {
      expect(statusLabel(msg(m))).toBe(want);
    }
    expect(sourceLabel(msg({ source: 'agent' }))).toBe('You');
    expect(sourceLabel(msg({ source: 'bot' }))).toBe('Bot');
    expect(sourceLabel(msg({ direction: 'in' }))).toBe('');
  });

  it('keeps a conversation in id order when events arrive', () => {
    let list = [msg({ id: 1 }), msg({ id: 3 })];
    list = upsert(list, msg({ id: 2, text: 'late' }));
    list = upsert(list, msg({ id: 3, status: 'read' }));
    expect(list.map((m) => [m.id, m.status])).toEqual([
      [1, 'queued'],
      [2, 'queued'],
      [3, 'read'],
    ]);
  });

  it('shows a clock time today and a date otherwise', () => {
    const now = new Date('2026-01-02T12:00:00Z');
    expect(messageTime('2026-01-02T11:00:00Z', now)).not.toContain('Jan');
    expect(messageTime('2025-12-24T11:00:00Z', now)).toMatch(/Dec/);
    expect(messageTime('garbage', now)).toBe('');
  });
});
