const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** Says how long ago an RFC 3339 time was ("3 minutes ago", "just now"), or returns it unchanged. */
export function relativeTime(rfc3339: string, now = Date.now(), locale?: string): string {
  const t = Date.parse(rfc3339);
  if (Number.isNaN(t)) {
    return rfc3339;
  }
  const seconds = Math.round((t - now) / 1000);
  if (Math.abs(seconds) < 45) {
    return 'just now';
  }
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(Math.round(seconds / 60), 'minute');
}
