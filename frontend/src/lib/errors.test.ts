import { describe, expect, it } from 'vitest';
import { errorMessage, toError } from './errors';

describe('toError', () => {
  const cases: { name: string; reason: unknown; want: string }[] = [
    { name: 'Wails string rejection', reason: 'store: load flow: not found', want: 'store: load flow: not found' },
    { name: 'string is trimmed', reason: '  flow name is taken \n', want: 'flow name is taken' },
    { name: 'empty string falls back', reason: '   ', want: 'The request failed.' },
    { name: 'object with error', reason: { error: 'bad arguments' }, want: 'bad arguments' },
    { name: 'object with message', reason: { message: 'timeout' }, want: 'timeout' },
    { name: 'object with empty error uses message', reason: { error: '', message: 'm' }, want: 'm' },
    { name: 'null falls back', reason: null, want: 'The request failed.' },
    { name: 'number falls back', reason: 42, want: 'The request failed.' },
    { name: 'undefined falls back', reason: undefined, want: 'The request failed.' },
  ];
  it.each(cases)('$name', ({ reason, want }) => {
    const err = toError(reason);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe(want);
  });

  it('returns an Error unchanged', () => {
    const original = new TypeError('boom');
    expect(toError(original)).toBe(original);
  });

  it('uses the given fallback', () => {
    expect(toError(undefined, 'System.Info failed.').message).toBe('System.Info failed.');
  });

  it('keeps the original value as the cause', () => {
    const reason = { error: 'x', code: 7 };
    expect(toError(reason).cause).toBe(reason);
  });

  it('errorMessage gives the sentence', () => {
    expect(errorMessage('nope')).toBe('nope');
  });
});
