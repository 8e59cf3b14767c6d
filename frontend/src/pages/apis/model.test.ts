import { describe, expect, it } from 'vitest';
import {
  attributeNameFor,
  attributeTypeFor,
  draftPlaceholders,
  emptyDraft,
  formatBytes,
  formatDuration,
  normalizeDraft,
  prettyJson,
  sampleKind,
  sameDraft,
  statusTone,
  toDefinition,
} from './model';

describe('normalizeDraft', () => {
  it('fills what the backend leaves out', () => {
    const d = normalizeDraft({ name: 'x', method: 'post', body: '{"a":1}', auth: { type: '' } });
    expect(d).toMatchObject({ method: 'POST', bodyType: 'json', auth: { type: 'none' }, timeoutMs: 10000, query: [], mappings: [] });
    expect(normalizeDraft({}).bodyType).toBe('none');
  });

  it('moves a query string saved in the URL into the rows, ahead of the others', () => {
    const d = normalizeDraft({ url: 'https://x.test/o?a=1&b={{x}}', query: [{ key: 'c', value: '3', disabled: true }] });
    expect(d.url).toBe('https://x.test/o');
    expect(d.query).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '{{x}}' },
      { key: 'c', value: '3', disabled: true },
    ]);
  });
});

describe('sameDraft', () => {
  it('ignores blank rows, empty auth fields and samples', () => {
    const a = emptyDraft();
    const b = { ...emptyDraft(), query: [{ key: '', value: '' }], auth: { type: 'none', token: '' }, sampleResponse: '{}' };
    expect(sameDraft(a, b)).toBe(true);
    expect(sameDraft(a, { ...a, url: 'https://x.test' })).toBe(false);
    expect(sameDraft(a, { ...a, headers: [{ key: 'A', value: '1', disabled: true }] })).toBe(false);
  });
});

describe('toDefinition', () => {
  it('drops blank rows and mappings and trims name and URL', () => {
    const def = toDefinition({
      ...emptyDraft(),
      name: ' Orders ',
      url: ' https://x.test ',
      query: [{ key: 'a', value: '1' }, { key: '', value: '' }],
      mappings: [{ path: '', attribute: '' }, { path: 'a', attribute: 'b' }],
    });
    expect(def.name).toBe('Orders');
    expect(def.url).toBe('https://x.test');
    expect(def.query).toHaveLength(1);
    expect(def.mappings).toEqual([{ path: 'a', attribute: 'b' }]);
  });
});

describe('draftPlaceholders', () => {
  it('lists names in the backend order, skipping disabled rows, unused body and other auth fields', () => {
    const d = {
      ...emptyDraft(),
      url: 'https://x.test/{{order_id}}/{{contact.phone}}',
      query: [
        { key: 'lang', value: '{{lang}}' },
        { key: 'x', value: '{{disabled}}', disabled: true },
      ],
      headers: [{ key: 'X-{{hdr}}', value: '{{order_id}}' }],
      body: '{"a": {{qty}}}',
      bodyType: 'json',
      auth: { type: 'basic', username: '{{user}}', password: '{{pass}}', token: '{{unused}}' },
    };
    expect(draftPlaceholders(d)).toEqual(['order_id', 'contact.phone', 'lang', 'hdr', 'qty', 'user', 'pass']);
    expect(draftPlaceholders({ ...d, bodyType: 'none', auth: { type: 'none' } })).toEqual(['order_id', 'contact.phone', 'lang', 'hdr']);
  });
});

describe('attribute suggestions', () => {
  it.each([
    ['order.status', 'order_status'],
    ['items.0.name', 'items_name'],
    ['items.#.name', 'items_name'],
    ['items.#', 'items'],
    ['meta\\.data.odd key', 'meta_data_odd_key'],
    ['0', 'value'],
    ['Total', 'total'],
  ])('%s -> %s', (path, name) => {
    expect(attributeNameFor(path)).toBe(name);
  });

  it.each([
    [{ path: 'a', type: 'number', sample: '1' }, 'number'],
    [{ path: 'a', type: 'boolean', sample: 'true' }, 'boolean'],
    [{ path: 'a', type: 'string', sample: '2024-05-01' }, 'date'],
    [{ path: 'a', type: 'string', sample: '2024-05-01T10:00:00Z' }, 'date'],
    [{ path: 'a', type: 'string', sample: 'shipped' }, 'text'],
    [{ path: 'a', type: 'array', sample: '[1]' }, 'list'],
    [{ path: 'a', type: 'object', sample: '{}' }, 'text'],
  ])('%j -> %s', (sample, type) => {
    expect(attributeTypeFor(sample)).toBe(type);
  });
});

describe('formatting', () => {
  it('formats statuses, sizes, durations and JSON', () => {
    expect([200, 301, 404, 500, 0].map(statusTone)).toEqual(['success', 'info', 'warning', 'danger', 'danger']);
    expect([512, 1536, 3 * 1024 * 1024].map(formatBytes)).toEqual(['512 B', '1.5 KB', '3.0 MB']);
    expect([85, 1250].map(formatDuration)).toEqual(['85 ms', '1.25 s']);
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson('<html>')).toBe('<html>');
  });
});

describe('retries and multipart fields', () => {
  it('keeps retry and parts from Go to Go, and treats one try as none', () => {
    const d = normalizeDraft({
      name: 'Claims',
      method: 'POST',
      parts: [{ key: 'photo', value: '{{message.media.path}}', file: true }],
      retry: { maxTries: 3, idempotent: true },
    });
    expect(d.bodyType).toBe('multipart');
    const def = toDefinition({ ...d, parts: [...(d.parts ?? []), { key: '', value: '' }] });
    expect(def.parts).toEqual([{ key: 'photo', value: '{{message.media.path}}', file: true }]);
    expect(def.retry).toEqual({ maxTries: 3, idempotent: true });
    expect(normalizeDraft({ retry: { maxTries: 1, idempotent: false } }).retry).toBeUndefined();
    expect(sameDraft(emptyDraft(), { ...emptyDraft(), retry: { maxTries: 1, idempotent: false }, parts: [] })).toBe(true);
    expect(sameDraft(emptyDraft(), { ...emptyDraft(), retry: { maxTries: 2, idempotent: false } })).toBe(false);
  });

  it('lists the placeholders of enabled multipart fields', () => {
    const d = {
      ...emptyDraft(),
      bodyType: 'multipart',
      body: '{{unused}}',
      parts: [
        { key: 'order', value: '{{order_id}}' },
        { key: 'off', value: '{{skipped}}', disabled: true },
        { key: 'photo', value: '{{message.media.path}}', file: true },
      ],
    };
    expect(draftPlaceholders(d)).toEqual(['order_id', 'message.media.path']);
  });
});

describe('structure labels', () => {
  it('describes lists', () => {
    expect(sampleKind({ path: 'slots', type: 'array', sample: '[]', items: 14, itemShape: '{id, time}' })).toBe('list · 14 items of {id, time}');
    expect(sampleKind({ path: 'tags', type: 'array', sample: '[]', items: 1 })).toBe('list · 1 item');
    expect(sampleKind({ path: 'a', type: 'string', sample: 'x' })).toBe('string');
  });
});
