import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime';

describe('relativeTime', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');
  const cases: [string, string][] = [
    ['2025-03-10T11:59:50Z', 'just now'],
    ['2025-03-10T11:57:00Z', '3 minutes ago'],
    ['2025-03-10T09:00:00Z', '3 hours ago'],
    ['2025-03-09T12:00:00Z', 'yesterday'],
    ['2025-01-10T12:00:00Z', '2 months ago'],
    ['not a time', 'not a time'],
  ];
  for (const [input, want] of cases) {
    it(input, () => {
      expect(relativeTime(input, now, 'en')).toBe(want);
    });
  }
});
