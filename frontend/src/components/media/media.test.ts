import { describe, expect, it } from 'vitest';
import { formatBytes, isPicture, kindNoun, mediaHref, typeLabel } from './media';

describe('media helpers', () => {
  it('builds relative addresses on the media route', () => {
    const key = 'ab'.repeat(32);
    expect(mediaHref(key)).toBe(`media/${key}`);
    expect(mediaHref(key, 'Menu spring.pdf', true)).toBe(`media/${key}?name=Menu+spring.pdf&download=1`);
  });

  it('formats sizes and names', () => {
    expect(formatBytes(820)).toBe('820 bytes');
    expect(formatBytes(14_300)).toBe('14 KB');
    expect(formatBytes(2_500_000)).toBe('2.4 MB');
    expect(formatBytes(Number.NaN)).toBe('');
    expect(kindNoun('image')).toBe('photo');
    expect(kindNoun('whatever')).toBe('document');
    expect(isPicture('sticker')).toBe(true);
    expect(isPicture('video')).toBe(false);
    expect(typeLabel('application/pdf', 'invoice.pdf')).toBe('PDF');
    expect(typeLabel('image/jpeg', 'photo')).toBe('JPEG');
  });
});
