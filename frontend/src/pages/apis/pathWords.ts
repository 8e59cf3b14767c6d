/**
 * Response paths in plain words. Mappings are stored in gjson syntax
 * ("order.items.#.name"), which means nothing to a shop owner; these helpers
 * say the same thing the way a person would ("name of each item in order")
 * and build the gjson path of a value picked in the response tree.
 *
 * The phrasing, read from the end of the path back to the start:
 *   - a member is "<key> in <where it is>":            args.lang        -> lang in args
 *   - a member of a list element is "<key> of <element>": items.0.price -> price of item 1 in items
 *   - an element is "item N" (the 0-based index plus one) or "each item"
 *     for "#"; a list with a plural name gives its own noun ("items" ->
 *     "item", "categories" -> "category") and is then named only by where it
 *     lives: order.items.#.name -> name of each item in order
 *   - "#" at the end is a count: order.items.# -> number of items in order
 * Paths it cannot say in words (queries, modifiers, wildcards) are returned
 * as they are.
 */

/** A path segment that means "an element of the list before it": an index or "#". */
function isElement(segment: string): boolean {
  return segment === '#' || /^[0-9]+$/.test(segment);
}

/**
 * Splits a gjson path at its unescaped dots and unescapes the keys
 * ("a\.b.c" -> ["a.b", "c"]); null when the path uses syntax beyond plain
 * keys, indexes and "#" (queries, modifiers, wildcards, pipes).
 */
export function splitPath(path: string): string[] | null {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '\\' && i + 1 < path.length) {
      current += path[++i];
    } else if (c === '.') {
      out.push(current);
      current = '';
    } else if ('*?|()@=!<>%'.includes(c) || (c === '#' && current !== '') || (current === '#' && c !== '.')) {
      return null;
    } else {
      current += c;
    }
  }
  out.push(current);
  return out.some((s) => s === '') ? null : out;
}

/** The singular of a list's name when it looks plural ("items" -> "item"), else null. */
function singular(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z_ -]*[A-Za-z]$/.test(name)) return null;
  const lower = name.toLowerCase();
  if (/ies$/.test(lower)) return `${name.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(lower)) return null;
  if (/(sses|xes|ches|shes|zes)$/.test(lower)) return name.slice(0, -2);
  if (/s$/.test(lower)) return name.slice(0, -1);
  return null;
}

/** Words for the list element that segs ends with ("each item in order", "item 2 in items"). */
function element(segs: string[]): string {
  const last = segs[segs.length - 1];
  const list = segs.slice(0, -1);
  const listName = list[list.length - 1];
  const noun = listName !== undefined && !isElement(listName) ? singular(listName) : null;
  const which = (n: string) => (last === '#' ? `each ${n}` : `${n} ${Number(last) + 1}`);
  if (list.length === 0) return `${which('item')} in the response`;
  if (noun === null) return `${which('item')} in ${place(list)}`;
  const home = list.slice(0, -1);
  return `${which(noun)} in ${home.length === 0 ? listName : place(home)}`;
}

/** Words for where something lives: a list element stays an element ("each order"), never a count. */
function place(segs: string[]): string {
  return isElement(segs[segs.length - 1]) ? element(segs) : words(segs);
}

/** Words for a non-empty list of plain segments. */
function words(segs: string[]): string {
  const last = segs[segs.length - 1];
  const parent = segs.slice(0, -1);
  if (last === '#') return parent.length === 0 ? 'number of items in the response' : `number of ${words(parent)}`;
  if (isElement(last)) return element(segs);
  if (parent.length === 0) return last;
  return isElement(parent[parent.length - 1]) ? `${last} of ${element(parent)}` : `${last} in ${place(parent)}`;
}

/**
 * A response path in plain words: "Status code", "Header X-Total-Count",
 * "Whole body" for the response roots, "name of each item in order" for
 * order.items.#.name; the path itself when it cannot be said in words.
 */
export function pathInWords(path: string): string {
  if (path === '@status') return 'Status code';
  if (path === '@body') return 'Whole body';
  if (path.startsWith('@headers.') && path.length > '@headers.'.length) return `Header ${path.slice('@headers.'.length)}`;
  const segs = splitPath(path);
  return segs === null ? path : words(segs);
}

/** Escapes a JSON member name for a gjson path the way Go's gjson.Escape does. */
export function escapeKey(key: string): string {
  let out = '';
  for (const c of key) {
    const code = c.codePointAt(0) ?? 0;
    const safe = code <= 32 || code > 126 || /[A-Za-z0-9_:-]/.test(c);
    out += safe ? c : `\\${c}`;
  }
  return out;
}

/** The gjson path of a member or element (key unescaped, or an array index) under parent ('' for the root). */
export function childPath(parent: string, key: string, index: boolean): string {
  const segment = index ? key : escapeKey(key);
  return parent === '' ? segment : `${parent}.${segment}`;
}

/**
 * The path for the same place in every element of the first list it goes
 * through ("items.3.name" -> "items.#.name"), or null when it goes through
 * no list element.
 */
export function everyItemPath(path: string): string | null {
  const segs = path.split(/(?<!\\)\./);
  const i = segs.findIndex((s) => /^[0-9]+$/.test(s));
  if (i < 0) return null;
  segs[i] = '#';
  return segs.join('.');
}

/**
 * Whether a mapping's path reads the value at a place in the tree: the same
 * path, or one with "#" where the tree has an index (items.#.name reads
 * items.2.name); a trailing "#" is a count, never an element.
 */
export function mappingReads(mappingPath: string, nodePath: string): boolean {
  if (mappingPath === nodePath) return true;
  const m = mappingPath.split(/(?<!\\)\./);
  const n = nodePath.split(/(?<!\\)\./);
  if (m.length !== n.length || m[m.length - 1] === '#') return false;
  return m.every((s, i) => s === n[i] || (s === '#' && /^[0-9]+$/.test(n[i])));
}

/**
 * Where an attribute is used, as the Attributes page lists it, with each
 * mapping's path in words: 'API "Orders" (mapping order.status, URL)'
 * becomes 'API "Orders" (mapping status in order, URL)'.
 */
export function usageInWords(usage: string): string {
  const open = usage.indexOf('" (');
  if (open < 0 || !usage.endsWith(')')) return usage;
  const head = usage.slice(0, open + 3);
  const parts = usage.slice(open + 3, -1).split(', ');
  const said = parts.map((p) => (p.startsWith('mapping ') ? `mapping ${pathInWords(p.slice('mapping '.length))}` : p));
  return `${head}${said.join(', ')})`;
}
