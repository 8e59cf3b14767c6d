import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode, errorCode, errorMessage, toError } from './errors';

describe('toError', () => {
  const cases: { name: string; reason: unknown; want: string; code?: string; field?: string }[] = [
    {
      name: 'window rejection {code, message, field}',
      reason: { code: 'EINVALID', message: 'Give the flow a name.', field: 'name' },
      want: 'Give the flow a name.',
      code: ErrorCode.Invalid,
      field: 'name',
    },
    {
      name: 'RPC answer {error, code}',
      reason: { error: 'A flow named "x" already exists.', code: 'ECONFLICT' },
      want: 'A flow named "x" already exists.',
      code: ErrorCode.Conflict,
    },
    { name: 'an unknown code is no code', reason: { message: 'm', code: 'EWHATEVER' }, want: 'm', code: '' },
    { name: 'a plain string', reason: 'store: load flow: not found', want: 'store: load flow: not found' },
    { name: 'string is trimmed', reason: '  flow name is taken \n', want: 'flow name is taken' },
    { name: 'empty string falls back', reason: '   ', want: 'The request failed.' },
    { name: 'object with error', reason: { error: 'bad arguments' }, want: 'bad arguments' },
    { name: 'object with message', reason: { message: 'timeout' }, want: 'timeout' },
    { name: 'object with empty message uses error', reason: { message: '', error: 'm' }, want: 'm' },
    { name: 'null falls back', reason: null, want: 'The request failed.' },
    { name: 'number falls back', reason: 42, want: 'The request failed.' },
    { name: 'undefined falls back', reason: undefined, want: 'The request failed.' },
  ];
  it.each(cases)('$name', ({ reason, want, code = '', field = '' }) => {
    const err = toError(reason);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe(want);
    expect(err.code).toBe(code);
    expect(err.field).toBe(field);
  });

  it('returns an AppError unchanged', () => {
    const original = new AppError('taken', ErrorCode.Conflict);
    expect(toError(original)).toBe(original);
  });

  it('wraps another Error, keeping it as the cause', () => {
    const original = new TypeError('boom');
    const err = toError(original);
    expect(err.message).toBe('boom');
    expect(err.code).toBe('');
    expect(err.cause).toBe(original);
  });

  it('uses the given fallback', () => {
    expect(toError(undefined, 'System.Info failed.').message).toBe('System.Info failed.');
  });

  it('keeps the original value as the cause', () => {
    const reason = { error: 'x', code: 7 };
    expect(toError(reason).cause).toBe(reason);
  });

  it('errorMessage and errorCode read any thrown value', () => {
    expect(errorMessage('nope')).toBe('nope');
    expect(errorCode({ code: 'ENOTFOUND', message: 'gone' })).toBe(ErrorCode.NotFound);
    expect(errorCode(new Error('x'))).toBe('');
  });
});
