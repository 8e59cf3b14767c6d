import { afterEach, describe, expect, it, vi } from 'vitest';
import { uploadAttachment } from './media';

afterEach(() => vi.unstubAllGlobals());

describe('uploadAttachment', () => {
  it('posts the file to the media route and returns the stored attachment', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ key: 'ab', kind: 'document', mime: 'application/pdf', size: 3, name: 'menu.pdf' }))),
    );
    vi.stubGlobal('fetch', fetchMock);
    const a = await uploadAttachment(new Blob(['%PD']), 'menu.pdf', 'document');
    expect(a.name).toBe('menu.pdf');
    expect(fetchMock).toHaveBeenCalledWith('media/attachments?kind=document&name=menu.pdf', expect.objectContaining({ method: 'POST' }));
  });

  it("rejects with the backend's sentence", async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(JSON.stringify({ error: 'The file menu.pdf is not one WhatsApp can send as a photo.' }), { status: 400 })),
    );
    await expect(uploadAttachment(new Blob(['x']), 'menu.pdf', 'image')).rejects.toThrow('not one WhatsApp can send as a photo');
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('oops', { status: 502 })));
    await expect(uploadAttachment(new Blob(['x']), 'a', 'image')).rejects.toThrow('HTTP 502');
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('network')));
    await expect(uploadAttachment(new Blob(['x']), 'a', 'image')).rejects.toThrow('could not be sent to the app');
  });
});
