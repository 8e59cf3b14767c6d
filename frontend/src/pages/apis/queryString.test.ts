import { describe, expect, it } from 'vitest';
import { canonicalUrl, joinUrl, mergeQueryRows, splitUrl } from './queryString';

describe('splitUrl', () => {
  it.each([
    ['https://x.test/orders', { base: 'https://x.test/orders', rows: [] }],
    ['https://x.test/orders?', { base: 'https://x.test/orders', rows: [] }],
    [
      'https://x.test/o?a=1&b={{x}}',
      { base: 'https://x.test/o', rows: [{ key: 'a', value: '1' }, { key: 'b', value: '{{x}}' }] },
    ],
    ['/o?flag&&c=', { base: '/o', rows: [{ key: 'flag', value: '' }, { key: 'c', value: '' }] }],
    ['/o?q=a+b%26c&p={{ price | number:2 }}#top', { base: '/o', rows: [{ key: 'q', value: 'a b&c' }, { key: 'p', value: '{{ price | number:2 }}' }] }],
    ['/o?bad=%zz&eq=a=b', { base: '/o', rows: [{ key: 'bad', value: '%zz' }, { key: 'eq', value: 'a=b' }] }],
    ['{{base_url}}/o/{{id}}?id={{order_id}}', { base: '{{base_url}}/o/{{id}}', rows: [{ key: 'id', value: '{{order_id}}' }] }],
  ])('%j', (url, want) => {
    expect(splitUrl(url)).toEqual(want);
  });
});

describe('joinUrl', () => {
  it('joins the sent rows in order, placeholders verbatim, switched-off and unnamed rows left out', () => {
    expect(
      joinUrl('https://x.test/o', [
        { key: 'a', value: '1' },
        { key: 'off', value: '2', disabled: true },
        { key: '', value: 'orphan' },
        { key: 'b', value: '{{x}}' },
        { key: 'q', value: 'a b&c+d%' },
        { key: 'p', value: '{{ price | number:2 }}' },
        { key: 'k=', value: '' },
      ]),
    ).toBe('https://x.test/o?a=1&b={{x}}&q=a+b%26c%2Bd%25&p={{ price | number:2 }}&k%3D=');
  });

  it('adds to a query the base already has, and gives the base alone with no rows', () => {
    expect(joinUrl('/o?v=2', [{ key: 'a', value: '1' }])).toBe('/o?v=2&a=1');
    expect(joinUrl('/o', [{ key: 'a', value: '1', disabled: true }])).toBe('/o');
  });

  it('round-trips with splitUrl', () => {
    const rows = [
      { key: 'q', value: 'a b&c+d%#' },
      { key: 'id', value: '{{order_id}}' },
    ];
    const url = joinUrl('https://x.test/o', rows);
    expect(splitUrl(url)).toEqual({ base: 'https://x.test/o', rows });
  });
});

describe('canonicalUrl', () => {
  it('gives a typed URL the shape the rows would show, placeholders kept', () => {
    expect(canonicalUrl('https://x.test/o?a&b={{id}}')).toBe('https://x.test/o?a=&b={{id}}');
    expect(canonicalUrl('https://x.test/o')).toBe('https://x.test/o');
  });
});

describe('mergeQueryRows', () => {
  it('puts the parsed rows in the places of the URL rows and keeps switched-off ones where they were', () => {
    const old = [
      { key: 'a', value: '1' },
      { key: 'off', value: '2', disabled: true },
      { key: 'b', value: '3' },
    ];
    expect(mergeQueryRows(old, [{ key: 'a', value: '9' }, { key: 'b', value: '3' }, { key: 'c', value: '4' }])).toEqual([
      { key: 'a', value: '9' },
      { key: 'off', value: '2', disabled: true },
      { key: 'b', value: '3' },
      { key: 'c', value: '4' },
    ]);
    expect(mergeQueryRows(old, [{ key: 'a', value: '1' }])).toEqual([
      { key: 'a', value: '1' },
      { key: 'off', value: '2', disabled: true },
    ]);
  });
});
