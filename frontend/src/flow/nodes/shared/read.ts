import type { Option } from '../../model';

/**
 * Readers for node data coming from Go, where empty fields are omitted and any
 * value may be missing or of the wrong type. Each returns a usable value.
 */

/** Returns raw[key] when it is a string, else fallback. */
export function readString(raw: Record<string, unknown>, key: string, fallback = ''): string {
  const v = raw[key];
  return typeof v === 'string' ? v : fallback;
}

/** Returns raw[key] when it is a finite number, else fallback. */
export function readNumber(raw: Record<string, unknown>, key: string, fallback = 0): number {
  const v = raw[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Returns the strings of raw[key] when it is an array, else an empty list. */
export function readStrings(raw: Record<string, unknown>, key: string): string[] {
  const v = raw[key];
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** Returns the options of raw[key] (buttons or rows), skipping malformed entries. */
export function readOptions(raw: Record<string, unknown>, key: string): Option[] {
  const v = raw[key];
  if (!Array.isArray(v)) {
    return [];
  }
  const out: Option[] = [];
  for (const item of v) {
    if (typeof item !== 'object' || item === null) {
      continue;
    }
    const o = item as Record<string, unknown>;
    out.push({ id: readString(o, 'id'), title: readString(o, 'title'), description: readString(o, 'description') });
  }
  return out;
}

/**
 * Returns a new option id such as "b3" that no option in existing uses. Ids
 * are never reused while the option exists, so edges stay on their button.
 */
export function nextOptionId(prefix: string, existing: readonly Option[]): string {
  const used = new Set(existing.map((o) => o.id));
  let n = existing.length + 1;
  while (used.has(`${prefix}${n}`)) {
    n++;
  }
  return `${prefix}${n}`;
}
