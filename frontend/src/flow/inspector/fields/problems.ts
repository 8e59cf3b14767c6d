import type { Problem } from '../../model';

/** Joins the messages of the problems about one data field, errors first, or returns undefined. */
export function fieldError(problems: readonly Problem[], field: string): string | undefined {
  const mine = problems.filter((p) => p.field === field);
  if (mine.length === 0) {
    return undefined;
  }
  return [...mine.filter((p) => p.severity === 'error'), ...mine.filter((p) => p.severity !== 'error')]
    .map((p) => p.message)
    .join(' ');
}

/** Counts characters the way WhatsApp and Go do: by code point, not UTF-16 unit. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) {
    n++;
  }
  return n;
}
