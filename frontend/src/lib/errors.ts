/**
 * Turns whatever a bound Go method rejected with into an Error with one clear
 * sentence. Wails rejects with the Go error's text as a plain string; the
 * browser-mode transport may also reject with an Error or an {error} object.
 */
export function toError(reason: unknown, fallback = 'The request failed.'): Error {
  if (reason instanceof Error) {
    return reason;
  }
  if (typeof reason === 'string') {
    const text = reason.trim();
    return new Error(text === '' ? fallback : text);
  }
  if (typeof reason === 'object' && reason !== null) {
    const record = reason as Record<string, unknown>;
    for (const key of ['error', 'message']) {
      const value = record[key];
      if (typeof value === 'string' && value.trim() !== '') {
        return new Error(value.trim(), { cause: reason });
      }
    }
  }
  return new Error(fallback, { cause: reason });
}

/** Returns the message of any thrown value, for showing to the user. */
export function errorMessage(reason: unknown): string {
  return toError(reason).message;
}
