/**
 * Errors from Go. Every bound method fails with a coded error (Go's
 * backend/apperr): the desktop window rejects with `{code, message, field}`
 * (app.FormatError) and the browser bridge with the same object built from the
 * RPC answer `{error, code, field}`. toError turns any of these, and anything
 * else thrown, into an AppError, so callers branch on `code` and never on the
 * wording of the sentence.
 */

/** The error codes Go sends (backend/apperr); '' when a failure carried none. */
export const ErrorCode = {
  /** The request clashes with what exists, such as a name already taken. */
  Conflict: 'ECONFLICT',
  /** A failure the user cannot fix by changing the request; the log has details. */
  Internal: 'EINTERNAL',
  /** The request itself is wrong; `field` may name the form field at fault. */
  Invalid: 'EINVALID',
  /** What was asked for does not exist (any more). */
  NotFound: 'ENOTFOUND',
  /** The caller may not do this. */
  Unauthorized: 'EUNAUTHORIZED',
  /** It cannot be done in this state or mode (no window in browser mode, the 24-hour window closed). */
  Unavailable: 'EUNAVAILABLE',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An Error with the code and form field Go attached to it. */
export class AppError extends Error {
  /** One of ErrorCode, or '' for a failure that carried no code (a bug in the UI, a thrown value). */
  readonly code: ErrorCodeValue | '';
  /** The form field at fault ('' when none), in Go's JSON naming: "name", "mappings.0.attribute". */
  readonly field: string;

  constructor(message: string, code: ErrorCodeValue | '' = '', field = '', options?: ErrorOptions) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
}

const codes = new Set<string>(Object.values(ErrorCode));

function codeOf(value: unknown): ErrorCodeValue | '' {
  return typeof value === 'string' && codes.has(value) ? (value as ErrorCodeValue) : '';
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Turns whatever a bound Go method rejected with into an AppError with one clear
 * sentence: a coded `{code, message, field}` (window) or `{error, code, field}`
 * object, a plain string (older transports), or an Error (kept as it is when it
 * already is an AppError; otherwise wrapped, code '').
 */
export function toError(reason: unknown, fallback = 'The request failed.'): AppError {
  if (reason instanceof AppError) {
    return reason;
  }
  if (reason instanceof Error) {
    return new AppError(reason.message || fallback, '', '', { cause: reason });
  }
  if (typeof reason === 'string') {
    return new AppError(text(reason) || fallback);
  }
  if (typeof reason === 'object' && reason !== null) {
    const record = reason as Record<string, unknown>;
    const message = text(record.message) || text(record.error) || fallback;
    return new AppError(message, codeOf(record.code), text(record.field), { cause: reason });
  }
  return new AppError(fallback, '', '', { cause: reason });
}

/** Returns the message of any thrown value, for showing to the user. */
export function errorMessage(reason: unknown): string {
  return toError(reason).message;
}

/** Returns the code of any thrown value ('' when it has none). */
export function errorCode(reason: unknown): ErrorCodeValue | '' {
  return toError(reason).code;
}
