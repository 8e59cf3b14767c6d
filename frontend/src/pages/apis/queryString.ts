/**
 * The URL field and the Query tab are two views of one request: the saved
 * API keeps the URL without its query string and the parameters as rows
 * (the shape the cURL import gives, apicall.splitQuery in Go), and the
 * editor shows the URL with the enabled rows joined back on. Placeholders
 * are kept verbatim both ways: Go fills and encodes them when it calls.
 */
import { splitPlaceholders } from '../../components/placeholder';
import type { KV } from './model';

/** A URL cut into its part before "?" and its query parameters, in order. */
export interface SplitUrl {
  base: string;
  rows: KV[];
}

/** Decodes one key or value the way Go's url.QueryUnescape does ("+" is a space), leaving placeholders and bad escapes alone. */
function decodePart(s: string): string {
  return splitPlaceholders(s)
    .map((seg) => {
      if (seg.name !== undefined) return seg.text;
      try {
        return decodeURIComponent(seg.text.replace(/\+/g, ' '));
      } catch {
        return seg.text;
      }
    })
    .join('');
}

/**
 * Encodes one key or value for showing in the URL: only what would change
 * how it splits ("%", "&", "#", "+", a space, and "=" in a key), so the URL
 * stays readable; placeholders are never touched.
 */
function encodePart(s: string, isKey: boolean): string {
  return splitPlaceholders(s)
    .map((seg) => {
      if (seg.name !== undefined) return seg.text;
      const text = seg.text.replace(/[%&#+]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/ /g, '+');
      return isKey ? text.replace(/=/g, '%3D') : text;
    })
    .join('');
}

/**
 * Splits a URL as typed into its base and query rows: the query is what
 * follows the first "?" up to a "#" (a fragment is never sent), each
 * "key=value" between "&" one row. A URL without "?" is all base.
 */
export function splitUrl(url: string): SplitUrl {
  const q = url.indexOf('?');
  if (q < 0) return { base: url, rows: [] };
  const query = url.slice(q + 1).split('#')[0] ?? '';
  const rows: KV[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    rows.push({ key: decodePart(key), value: decodePart(value) });
  }
  return { base: url.slice(0, q), rows };
}

/** Whether a row is part of the URL: switched on and named (Go sends no row without a name). */
export function inUrl(row: KV): boolean {
  return row.disabled !== true && row.key.trim() !== '';
}

/** The URL the editor shows: the base with the rows that are sent joined on as a query string. */
export function joinUrl(base: string, rows: KV[]): string {
  const sent = rows.filter(inUrl).map((r) => `${encodePart(r.key, true)}=${encodePart(r.value, false)}`);
  if (sent.length === 0) return base;
  return `${base}${base.includes('?') ? '&' : '?'}${sent.join('&')}`;
}

/** A URL as the editor would show it for the same rows (what a typed URL means). */
export function canonicalUrl(url: string): string {
  const { base, rows } = splitUrl(url);
  return joinUrl(base, rows);
}

/**
 * The rows after the URL's query was typed as parsed: the parsed rows take
 * the places of the rows that were in the URL, in order; rows kept out of it
 * (switched off, or without a name) stay where they were; extra parsed rows
 * go at the end.
 */
export function mergeQueryRows(old: KV[], parsed: KV[]): KV[] {
  const out: KV[] = [];
  let next = 0;
  for (const row of old) {
    if (!inUrl(row)) {
      out.push(row);
    } else if (next < parsed.length) {
      out.push(parsed[next++]);
    }
  }
  return [...out, ...parsed.slice(next)];
}
