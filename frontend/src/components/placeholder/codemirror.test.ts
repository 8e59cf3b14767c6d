import { describe, expect, it } from 'vitest';
import { lintJsonWithPlaceholders } from './codemirror';

describe('lintJsonWithPlaceholders', () => {
  it.each([
    '',
    '{"a": 1}',
    '{"qty": {{qty}}, "note": "Hi {{contact.name}}", "ok": {{vip}}}',
    '[{{a}}, {{ b }}]',
    '{{whole}}',
  ])('accepts %j', (text) => {
    expect(lintJsonWithPlaceholders(text)).toEqual([]);
  });

  it.each([
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['{"a": {{x}} {{y}}}', 12],
    ['{\n  "a": tru\n}', 9],
  ])('reports %j near %i', (text, pos) => {
    const [d, ...rest] = lintJsonWithPlaceholders(text);
    expect(rest).toEqual([]);
    expect(d?.severity).toBe('error');
    expect(d?.message).toMatch(/^Not valid JSON: /);
    expect(d?.message).not.toMatch(/position/);
    expect(Math.abs((d?.from ?? -99) - pos)).toBeLessThanOrEqual(2);
  });
});
