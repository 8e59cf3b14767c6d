import { describe, expect, it } from 'vitest';
import type { inbox } from '../../lib/backend';
import { attachmentOf } from './attachment';

function msg(extra: Partial<inbox.MessageView>): inbox.MessageView {
  return {
    id: 1,
    contactId: 7,
    direction: 'in',
    waMessageId: 'wamid.1',
    type: 'image',
    text: '',
    details: '{}',
    status: 'received',
    error: '',
    source: 'customer',
    at: '2026-01-02T03:04:05Z',
    attempts: 0,
    retryAt: '',
    ...extra,
  };
}

const key = 'ab'.repeat(32);

describe('attachmentOf', () => {
  it('reads a customer photo while it downloads, retries, arrives or fails', () => {
    const media = '"media":{"id":"1","mimeType":"image/jpeg","caption":"The damaged box"}';
    expect(attachmentOf(msg({ details: `{${media}}` }))).toMatchObject({
      kind: 'image',
      state: 'pending',
      key: '',
      mime: 'image/jpeg',
      caption: 'The damaged box',
    });
    expect(
      attachmentOf(msg({ details: `{${media},"file":{"state":"pending","error":"Rate limit hit","attempts":2}}` })),
    ).toMatchObject({ state: 'pending', error: 'Rate limit hit', attempts: 2 });
    expect(
      attachmentOf(msg({ details: `{${media},"file":{"state":"done","key":"${key}","mime":"image/jpeg","size":2048,"name":"photo.jpg"}}` })),
    ).toMatchObject({ state: 'done', key, size: 2048, name: 'photo.jpg' });
    expect(attachmentOf(msg({ details: `{${media},"file":{"state":"failed","error":"too large"}}` }))).toMatchObject({
      state: 'failed',
      error: 'too large',
    });
  });

  it('reads a document with the name the customer gave it', () => {
    const a = attachmentOf(msg({ type: 'document', details: '{"media":{"id":"2","mimeType":"application/pdf","filename":"invoice.pdf"}}' }));
    expect(a).toMatchObject({ kind: 'document', name: 'invoice.pdf', state: 'pending' });
  });

  it('reads what the bot sent: a stored file or a link', () => {
    expect(
      attachmentOf(msg({ direction: 'out', type: 'media', details: `{"kind":"media","mediaType":"document","mediaFile":"${key}","filename":"menu.pdf"}` })),
    ).toMatchObject({ kind: 'document', state: 'done', key, name: 'menu.pdf' });
    expect(
      attachmentOf(msg({ direction: 'out', type: 'media', details: '{"kind":"media","mediaType":"image","mediaUrl":"https://cdn.example/a.png"}' })),
    ).toMatchObject({ kind: 'image', link: 'https://cdn.example/a.png' });
  });

  it('has nothing to say of other messages or broken details', () => {
    for (const m of [
      msg({ type: 'text', details: '{}' }),
      msg({ details: 'not json' }),
      msg({ details: '[1]' }),
      msg({ details: '{"media":"x"}' }),
      msg({ direction: 'out', type: 'text', details: '{"kind":"text"}' }),
      msg({ direction: 'out', type: 'media', details: '{"kind":"media"}' }),
    ]) {
      expect(attachmentOf(m)).toBeNull();
    }
  });
});
