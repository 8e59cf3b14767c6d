import { Fragment, type ReactNode } from 'react';
import { parseBlocks, slug } from './markdownParse';

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

const inlinePattern = /(`[^`]+`)|(\*\*[^*]+\*\*)|(!?\[[^\]]*\]\([^)\s]+\))/g;

/** Renders inline Markdown: `code`, **bold**, [links](href) and images. */
function renderInline(text: string, opts: MarkdownOptions, keyPrefix = 'i'): ReactNode[] {
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
