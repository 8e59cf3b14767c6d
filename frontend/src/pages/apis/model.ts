/**
 * The APIs page's view of an API definition (the JSON of apicall.Definition)
 * and small pure helpers: defaults, dirty checks, the placeholders a draft
 * uses, and display formatting.
 */
import { placeholderNames } from '../../components/placeholder';
import { apicall } from '../../lib/backend';
import { splitUrl } from './queryString';

/** One query parameter or header row. */
export interface KV {
  key: string;
  value: string;
  disabled?: boolean;
}

/** How a request proves who is calling. */
export interface Auth {
  type: string;
  in?: string;
  name?: string;
  value?: string;
  token?: string;
  username?: string;
  password?: string;
}

/** One field of a multipart/form-data body; a file field's value is the path of a file of the conversations. */
export interface Part {
  key: string;
  value: string;
  file?: boolean;
  disabled?: boolean;
}

/** Whether a failed call is tried again (absent or maxTries 1: one try). */
export interface Retry {
  maxTries: number;
  idempotent: boolean;
}

/** A response path copied into an attribute. */
export interface Mapping {
  path: string;
  attribute: string;
}

/** One path of a response with a sample of its value; an array also has its length and item shape. */
export interface PathSample {
  path: string;
  sample: string;
  type: string;
  items?: number;
  itemShape?: string;
}

/** An API as the editor holds it. */
export interface ApiDraft {
  id?: number;
  name: string;
  method: string;
  url: string;
  query: KV[];
  headers: KV[];
  body: string;
  bodyType: string;
  parts?: Part[];
  auth: Auth;
  timeoutMs: number;
  followRedirects: boolean;
  retry?: Retry;
  mappings: Mapping[];
  sampleResponse?: string;
  sampleStructure?: PathSample[];
}

/** The methods an API may use, in menu order. */
export const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Largest response kept as the saved sample (bigger ones keep only the structure). */
export const maxSampleBytes = 256 * 1024;

/** A new, empty API. */
export function emptyDraft(): ApiDraft {
  return {
    name: '',
    method: 'GET',
    url: '',
    query: [],
    headers: [],
    body: '',
    bodyType: 'none',
    auth: { type: 'none' },
    timeoutMs: 10000,
    followRedirects: false,
    mappings: [],
  };
}

/** Fills what the backend may leave out (empty lists, body type, auth type) and moves a URL's query string into the rows. */
export function normalizeDraft(d: Partial<ApiDraft>): ApiDraft {
  const base = emptyDraft();
  const body = d.body ?? '';
  // A query string typed into the URL before the Query tab followed it is
  // shown as rows, in front of the others (Go sends the URL's own first).
  const url = splitUrl(d.url ?? '');
  return {
    ...base,
    ...d,
    url: url.base,
    method: (d.method ?? 'GET').toUpperCase(),
    query: [...url.rows, ...(d.query ?? []).map((r) => ({ ...r }))],
    headers: (d.headers ?? []).map((r) => ({ ...r })),
    body,
    bodyType:
      d.bodyType !== undefined && d.bodyType !== ''
        ? d.bodyType
        : (d.parts ?? []).length > 0
          ? 'multipart'
          : body.trim() === ''
            ? 'none'
            : 'json',
    auth: { ...(d.auth ?? {}), type: d.auth?.type !== undefined && d.auth.type !== '' ? d.auth.type : 'none' },
    timeoutMs: d.timeoutMs !== undefined && d.timeoutMs > 0 ? d.timeoutMs : 10000,
    followRedirects: d.followRedirects ?? false,
    mappings: (d.mappings ?? []).map((m) => ({ ...m })),
    parts: d.parts === undefined || d.parts.length === 0 ? undefined : d.parts.map((p) => ({ ...p })),
    retry: d.retry === undefined || d.retry.maxTries <= 1 ? undefined : { ...d.retry },
  };
}

/** Drops rows with neither key nor value, which the editor keeps for typing. */
function compactRows(rows: KV[]): KV[] {
  return rows.filter((r) => r.key.trim() !== '' || r.value !== '');
}

/** The multipart fields with a name or a value (the editor keeps a blank row for typing), or undefined for none. */
function nonBlankParts(parts: Part[] | undefined): Part[] | undefined {
  const kept = (parts ?? []).filter((p) => p.key.trim() !== '' || p.value !== '');
  return kept.length === 0 ? undefined : kept;
}

/** The definition sent to Go: normalized, blank rows and mappings dropped. */
export function toDefinition(d: ApiDraft): apicall.Definition {
  return apicall.Definition.createFrom({
    ...d,
    name: d.name.trim(),
    url: d.url.trim(),
    query: compactRows(d.query),
    headers: compactRows(d.headers),
    parts: nonBlankParts(d.parts),
    mappings: d.mappings.filter((m) => m.path.trim() !== '' || m.attribute !== ''),
  });
}

/** Whether two drafts differ in anything the user edits (samples do not count). */
export function sameDraft(a: ApiDraft, b: ApiDraft): boolean {
  const strip = (d: ApiDraft) =>
    JSON.stringify({
      ...d,
      sampleResponse: undefined,
      sampleStructure: undefined,
      query: compactRows(d.query),
      headers: compactRows(d.headers),
      mappings: d.mappings.filter((m) => m.path.trim() !== '' || m.attribute !== ''),
      auth: Object.fromEntries(Object.entries(d.auth).filter(([, v]) => v !== '' && v !== undefined)),
      parts: nonBlankParts(d.parts),
      retry: d.retry === undefined || d.retry.maxTries <= 1 ? undefined : d.retry,
    });
  return strip(a) === strip(b);
}

/** The auth values that are sent for the draft's auth type. */
function authValues(a: Auth): string[] {
  switch (a.type) {
    case 'apiKey':
      return [a.name ?? '', a.value ?? ''];
    case 'bearer':
      return [a.token ?? ''];
    case 'basic':
      return [a.username ?? '', a.password ?? ''];
  }
  return [];
}

/**
 * The placeholder names a draft uses, in the order the backend lists them
 * (apicall.Placeholders): URL, enabled query and header rows, body, auth.
 */
export function draftPlaceholders(d: ApiDraft): string[] {
  const rows = [...d.query, ...d.headers].filter((r) => r.disabled !== true).flatMap((r) => [r.key, r.value]);
  const body =
    d.bodyType === 'none'
      ? []
      : d.bodyType === 'multipart'
        ? (d.parts ?? []).filter((p) => p.disabled !== true).flatMap((p) => [p.key, p.value])
        : [d.body];
  return placeholderNames(d.url, ...rows, ...body, ...authValues(d.auth));
}

/** A suggested attribute name for a response path: "order.items.0.name" -> "items_name". */
export function attributeNameFor(path: string): string {
  const parts = path
    .replace(/\\./g, '_')
    .split('.')
    .filter((p) => p !== '#' && !/^[0-9]+$/.test(p));
  const tail = parts.slice(-2).join('_');
  let name = tail.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '' || /^[0-9]/.test(name)) name = `value_${name}`.replace(/_+$/, '');
  return name.slice(0, 64).toLowerCase();
}

/** The attribute type that fits a response value's JSON type and sample. */
export function attributeTypeFor(sample: PathSample): string {
  if (sample.type === 'number') return 'number';
  if (sample.type === 'boolean') return 'boolean';
  if (sample.type === 'array') return 'list';
  if (sample.type === 'string' && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(sample.sample)) return 'date';
  return 'text';
}

/** The badge tone of an HTTP status: 2xx success, 3xx info, 4xx warning, 5xx and failures danger. */
export function statusTone(status: number): 'success' | 'info' | 'warning' | 'danger' {
  if (status >= 200 && status < 300) return 'success';
  if (status >= 300 && status < 400) return 'info';
  if (status >= 400 && status < 500) return 'warning';
  return 'danger';
}

/** The colour class name of a method badge. */
export function methodClass(method: string): string {
  return `method${method.charAt(0)}${method.slice(1).toLowerCase()}`;
}

/** Formats a byte count: "512 B", "1.4 KB", "2.0 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Formats a duration: "85 ms", "1.25 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Pretty-prints JSON text, or returns it unchanged when it is not JSON. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** What a path's value is, as the structure says it: its type, or for an array "list · 14 items of {id, time}". */
export function sampleKind(s: PathSample): string {
  if (s.type !== 'array' || s.items === undefined) return s.type;
  const n = `${s.items} ${s.items === 1 ? 'item' : 'items'}`;
  return s.itemShape === undefined || s.itemShape === '' ? `list · ${n}` : `list · ${n} of ${s.itemShape}`;
}
