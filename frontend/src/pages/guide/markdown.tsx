import { Fragment, type ReactNode } from 'react';

/**
 * A small Markdown renderer for the guides the app ships (docs/*.md): headings,
 * paragraphs, lists, tables, code blocks, images, links, bold and inline code.
 * It builds React elements, never HTML strings, so a guide cannot inject
 * markup. Relative links to other guides and images are resolved by the caller.
 */
export interface MarkdownOptions {
  /** Turns an image path of the guide into a URL the app can load ('' drops it). */
  image: (src: string) => string;
  /** Renders a link; the guide page opens https links in the system browser. */
  link: (href: string, children: ReactNode, key: string) => ReactNode;
}

type Block =
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

const inlinePattern = /(`[^`]+`)|(\*\*[^*]+\*\*)|(!?\[[^\]]*\]\([^)\s]+\))/g;

/** Renders inline Markdown: `code`, **bold**, [links](href) and images. */
export function renderInline(text: string, opts: MarkdownOptions, keyPrefix = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(inlinePattern)) {
    const at = m.index;
    if (at > last) out.push(text.slice(last, at));
    const token = m[0];
    const key = `${keyPrefix}-${n++}`;
    if (token.startsWith('`')) {
      out.push(<code key={key}>{token.slice(1, -1)}</code>);
    } else if (token.startsWith('**')) {
      out.push(<strong key={key}>{renderInline(token.slice(2, -2), opts, key)}</strong>);
    } else {
      const link = /^(!?)\[([^\]]*)\]\(([^)\s]+)\)$/.exec(token);
      if (link !== null && link[1] === '!') {
        const src = opts.image(link[3]);
        if (src !== '') out.push(<img key={key} src={src} alt={link[2]} />);
      } else if (link !== null) {
        out.push(opts.link(link[3], renderInline(link[2], opts, key), key));
      }
    }
    last = at + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Stable, readable ids for headings, so sections can be linked. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[`*]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Renders a whole document. */
export function Markdown({ source, options }: { source: string; options: MarkdownOptions }) {
  return (
    <>
      {parseBlocks(source).map((b, i) => {
        const key = `b${i}`;
        switch (b.kind) {
          case 'heading': {
            const Tag = (['h1', 'h2', 'h3', 'h4'] as const)[b.level - 1];
            return (
              <Tag key={key} id={slug(b.text)}>
                {renderInline(b.text, options, key)}
              </Tag>
            );
          }
          case 'paragraph':
            return <p key={key}>{renderInline(b.text, options, key)}</p>;
          case 'code':
            return (
              <pre key={key}>
                <code>{b.text}</code>
              </pre>
            );
          case 'image': {
            const src = options.image(b.src);
            return src === '' ? null : (
              <figure key={key}>
                <img src={src} alt={b.alt} />
                {b.alt !== '' && <figcaption>{b.alt}</figcaption>}
              </figure>
            );
          }
          case 'list': {
            const items = b.items.map((it, j) => <li key={j}>{renderInline(it, options, `${key}-${j}`)}</li>);
            return b.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
          }
          case 'table':
            return (
              <table key={key}>
                <thead>
                  <tr>
                    {b.head.map((h, j) => (
                      <th key={j}>{renderInline(h, options, `${key}-h${j}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {b.rows.map((r, j) => (
                    <tr key={j}>
                      {r.map((c, k) => (
                        <td key={k}>{renderInline(c, options, `${key}-${j}-${k}`)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
        }
        return <Fragment key={key} />;
      })}
    </>
  );
}
