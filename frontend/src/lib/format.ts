/** Human name of the mode reported by System.Info ("desktop" or "browser"). */
export function modeLabel(mode: string): string {
  if (mode === 'desktop') return 'Desktop app';
  if (mode === 'browser') return 'Browser mode';
  return mode === '' ? 'Unknown mode' : mode;
}

/** Formats an RFC 3339 time for people, or returns it unchanged if it does not parse. */
export function formatTime(rfc3339: string, locale?: string): string {
  const t = new Date(rfc3339);
  return Number.isNaN(t.getTime()) ? rfc3339 : t.toLocaleString(locale);
}
