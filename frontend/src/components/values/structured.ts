/** One item of a list value: its text, and its fields when it is an object. */
export interface StructuredItem {
  text: string;
  fields?: Record<string, string>;
}

/** A value that holds JSON: a list (with the columns of its object items) or an object. */
export type Structured =
  | { kind: 'list'; items: StructuredItem[]; columns: string[] }
  | { kind: 'object'; fields: [string, string][] };

/** The text a JSON value shows as: strings bare, null as nothing, the rest as JSON. */
export function jsonText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * Reads a value that holds a JSON array or object (a list attribute, the
 * item a dynamic row saved). Returns null for anything else, or when
 * isList is false and the text does not look like JSON at all.
 */
export function parseStructured(value: string, isList = false): Structured | null {
  const t = value.trim();
  if (!isList && !(t.startsWith('[') || t.startsWith('{'))) return null;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return null;
  }
  if (Array.isArray(v)) {
    const columns: string[] = [];
    const items = v.map((item): StructuredItem => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) return { text: jsonText(item) };
      const fields: Record<string, string> = {};
      for (const [k, x] of Object.entries(item as Record<string, unknown>)) {
        fields[k] = jsonText(x);
        if (!columns.includes(k)) columns.push(k);
      }
      return { text: jsonText(item), fields };
    });
    return { kind: 'list', items, columns };
  }
  if (v !== null && typeof v === 'object') {
    return { kind: 'object', fields: Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, jsonText(x)]) };
  }
  return null;
}
