/**
 * Pure helpers for {{attribute}} placeholders in text fields: finding them,
 * splitting text for highlighting, the `/` trigger of the attribute picker,
 * and inserting a chosen placeholder. Names may contain dots (contact.name).
 */

/**
 * Matches one placeholder; group 1 is the name. Spaces inside the braces are
 * allowed, and so are formats after a bar ({{price | number:2}}).
 */
export const placeholderPattern = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(?:\|[^{}]*)?\}\}/g;

/** One piece of a text: plain text, or a placeholder with its name. */
export interface Segment {
  text: string;
  /** The attribute name when this segment is a placeholder. */
  name?: string;
}

/** Splits text into plain and placeholder segments, in order, covering all of it. */
export function splitPlaceholders(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(placeholderPattern)) {
    if (m.index > at) {
      out.push({ text: text.slice(at, m.index) });
    }
    out.push({ text: m[0], name: m[1] });
    at = m.index + m[0].length;
  }
  if (at < text.length) {
    out.push({ text: text.slice(at) });
  }
  return out;
}

/** The distinct placeholder names in the texts, in order of first appearance. */
export function placeholderNames(...texts: string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(placeholderPattern)) {
      if (m[1] !== undefined) seen.add(m[1]);
    }
  }
  return [...seen];
}

/**
 * Whether a placeholder name reads a known attribute: the name itself, or a
 * path into one (orders.0.id, chosen.price, item.time reads "item").
 */
export function isKnownName(name: string, known: ReadonlySet<string>): boolean {
  if (known.has(name)) return true;
  for (let dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
    if (known.has(name.slice(0, dot))) return true;
  }
  return false;
}

/** The text a placeholder for name is written as. */
export function placeholderFor(name: string): string {
  return `{{${name}}}`;
}

/**
 * Characters that cannot be part of a URL (RFC 3986) nor of a word, so a "/"
 * typed after one starts a placeholder rather than a path: a quote in a JSON
 * body, a bracket, a bar. "}" is left out on purpose: "{{base_url}}/orders"
 * is a path after a placeholder.
 */
const startsAfter = new Set(['"', '<', '>', '[', ']', '{', '|', '\\', '^', '`']);

/**
 * Whether a "/" at slashAt may open the attribute picker: at the start of the
 * text, after whitespace, or after a character no URL or word holds. Never
 * after a letter, digit, ":" or "/" (the slashes of "http://a/b"), nor after
 * the other characters a URL path may hold (".", "-", "=", "&", "?", "}").
 */
export function canOpenPicker(text: string, slashAt: number): boolean {
  if (slashAt === 0) return true;
  const before = text[slashAt - 1];
  if (before === undefined) return false;
  return /\s/.test(before) || startsAfter.has(before);
}

const queryChar = /^[A-Za-z0-9_.]*$/;

/** What opens the picker when typed: "/" where a placeholder can start, or "{{" anywhere. */
export type PickerTrigger = '/' | '{{';

/**
 * The trigger that the character just typed before caret completes, if it
 * opens the picker there: "/" only where canOpenPicker allows it (so the
 * slashes of a URL never do), "{{" anywhere (inside a URL path too).
 */
export function typedTrigger(text: string, caret: number): PickerTrigger | null {
  if (text.slice(caret - 2, caret) === '{{' && text[caret - 3] !== '{') return '{{';
  if (text[caret - 1] === '/' && canOpenPicker(text, caret - 1)) return '/';
  return null;
}

/**
 * Reads the picker query typed after the trigger (default "/") at slashAt,
 * up to the caret. Returns undefined when the trigger is gone, the caret left
 * the query, or the query holds a character no attribute name has (so the
 * picker should close).
 */
export function slashQuery(text: string, slashAt: number, caret: number, trigger: PickerTrigger = '/'): string | undefined {
  if (slashAt < 0 || !text.startsWith(trigger, slashAt) || caret < slashAt + trigger.length) {
    return undefined;
  }
  const query = text.slice(slashAt + trigger.length, caret);
  return queryChar.test(query) ? query : undefined;
}

/**
 * Replaces text[from, to) (the `/query` typed by the user) with the
 * placeholder for name and returns the new text and caret position.
 */
export function insertPlaceholder(text: string, from: number, to: number, name: string): { text: string; caret: number } {
  // A picker entry may carry its whole text (a format, a loop).
  const ph = name.startsWith('{{') ? name : placeholderFor(name);
  return { text: text.slice(0, from) + ph + text.slice(to), caret: from + ph.length };
}

/** An attribute as the picker offers it. */
export interface AttributeOption {
  name: string;
  type: string;
  description: string;
  builtIn: boolean;
  /** The text the entry inserts when it is not {{name}}: a format or a loop (withFormats). */
  insert?: string;
}

/**
 * Adds, after each attribute, the ways a message text can show it: a date
 * as "2 May 2026", a number with 2 decimals, a true/false as yes or no, and
 * (when loops is set) a list repeated per item. The template language of
 * message texts renders them (docs/bundle.md, "Text templates").
 */
export function withFormats(attributes: AttributeOption[], loops: boolean): AttributeOption[] {
  const out: AttributeOption[] = [];
  for (const a of attributes) {
    out.push(a);
    const variant = (insert: string, description: string) =>
      out.push({ ...a, type: 'format', description, insert });
    switch (a.type) {
      case 'date':
        variant(`{{${a.name} | date}}`, 'As a date, such as 2 May 2026.');
        break;
      case 'number':
        variant(`{{${a.name} | number:2}}`, 'With 2 decimals, such as 12.50.');
        break;
      case 'boolean':
        variant(`{{${a.name} | yesno}}`, 'As yes or no.');
        break;
      case 'list':
        if (loops) {
          variant(`{{#each ${a.name}}}\n• {{item}}\n{{/each}}`, 'Repeat a line for each item ({{item.field}} reads a field).');
        }
        variant(`{{${a.name}.#}}`, 'How many items it holds.');
        break;
    }
  }
  return out;
}

/**
 * Filters attributes for a picker query: names starting with the query first,
 * then names containing it, each group in the given order. Case is ignored.
 */
export function filterAttributes(attributes: AttributeOption[], query: string): AttributeOption[] {
  const q = query.toLowerCase();
  if (q === '') return attributes;
  const starts: AttributeOption[] = [];
  const contains: AttributeOption[] = [];
  for (const a of attributes) {
    const n = a.name.toLowerCase();
    if (n.startsWith(q)) starts.push(a);
    else if (n.includes(q)) contains.push(a);
  }
  return [...starts, ...contains];
}
