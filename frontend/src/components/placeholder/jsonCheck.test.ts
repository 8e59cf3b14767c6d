import { describe, expect, it } from 'vitest';
import { checkJson } from './jsonCheck';

describe('checkJson', () => {
  it.each(['{}', '[]', '0', '-1.5e3', '"a\\n\\u00e9"', ' {"a": [1, true, false, null, {"b": "c"}]} ', '"😀"'])(
    'accepts %s like JSON.parse does',
    (text) => {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(checkJson(text)).toBeNull();
    },
  );

  it.each([
    ['', 0, 'ends where a value'],
    ['{"a": 1,}', 8, 'property name'],
    ['{"a" 1}', 5, "Expected ':'"],
    ['{"a": 1 "b": 2}', 8, "Expected ',' or '}'"],
    ['[1 2]', 3, "Expected ',' or ']'"],
    ['{\n  "a": tru\n}', 9, 'did you mean true'],
    ['"abc', 4, 'never closed'],
    ['"a\nb"', 2, 'control character'],
    ['"\\x"', 1, 'Invalid escape'],
    ['01', 1, 'Unexpected text'],
    ['{"a": .5}', 6, 'Expected a value'],
    ['{} x', 3, 'Unexpected text'],
  ])('rejects %j at %i', (text, pos, message) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    const p = checkJson(text);
    expect(p?.pos).toBe(pos);
    expect(p?.message).toContain(message);
  });
});
