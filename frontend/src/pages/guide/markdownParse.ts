/**
 * The block structure of the Markdown the app's guides use: headings,
 * paragraphs, lists, tables, code blocks and images (see markdown.tsx).
 */
/** One block of a Markdown document. */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'code'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'image'; alt: string; src: string };

const listItem = /^\s*(?:([-*])|(\d+)\.)\s+(.*)$/;

/** Splits a Markdown document into blocks. */
export function parseBlocks(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith('```')) body.push(lines[i++]);
      i++;
      out.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading !== null) {
      out.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
      i++;
      continue;
    }
    const image = /^!\[([^\]]*)\]\(([^)\s]+)\)\s*$/.exec(line.trim());
    if (image !== null) {
      out.push({ kind: 'image', alt: image[1], src: image[2] });
      i++;
      continue;
    }
    if (line.trim().startsWith('|') && i + 1 < lines.length && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1])) {
      const head = cells(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i].trim().startsWith('|')) rows.push(cells(lines[i++]));
      out.push({ kind: 'table', head, rows });
      continue;
    }
    const item = listItem.exec(line);
    if (item !== null) {
      const ordered = item[2] !== undefined;
      const items: string[] = [];
      while (i < lines.length) {
        const m = listItem.exec(lines[i]);
        if (m !== null && (m[2] !== undefined) === ordered && !/^\s{2,}/.test(lines[i])) {
          items.push(m[3]);
        } else if (lines[i].trim() !== '' && /^\s+/.test(lines[i]) && items.length > 0) {
          items[items.length - 1] += ' ' + lines[i].trim();
        } else {
          break;
        }
        i++;
      }
      out.push({ kind: 'list', ordered, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i], lines[i + 1])) para.push(lines[i++].trim());
    out.push({ kind: 'paragraph', text: para.join(' ') });
  }
  return out;
}

function startsBlock(line: string, next: string | undefined): boolean {
  return (
    line.startsWith('```') ||
    /^#{1,4}\s/.test(line) ||
    listItem.test(line) ||
    /^!\[/.test(line.trim()) ||
    (line.trim().startsWith('|') && next !== undefined && /^\s*\|[\s:|-]+\|\s*$/.test(next))
  );
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** Stable, readable ids for headings, so sections can be linked. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[`*]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

