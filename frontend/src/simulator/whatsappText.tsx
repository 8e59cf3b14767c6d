import { Fragment, type ReactNode } from 'react';

/**
 * Renders WhatsApp's text formatting the way the app shows it: *bold*,
 * _italic_, ~strikethrough~ and ```monospace```. Markers must hug the text
 * (no space inside) and stand at word edges, as in WhatsApp; everything else stays plain text.
 */
const pattern =
  /```([^`]+)```|(?<!\w)\*([^*\s](?:[^*]*[^*\s])?)\*(?!\w)|(?<!\w)_([^_\s](?:[^_]*[^_\s])?)_(?!\w)|(?<!\w)~([^~\s](?:[^~]*[^~\s])?)~(?!\w)/g;

/** Splits text into formatted React nodes. */
export function formatWhatsApp(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) {
      out.push(<Fragment key={at}>{text.slice(at, m.index)}</Fragment>);
    }
    const key = `f${m.index}`;
    if (m[1] !== undefined) out.push(<code key={key}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={key}>{m[2]}</strong>);
    else if (m[3] !== undefined) out.push(<em key={key}>{m[3]}</em>);
    else if (m[4] !== undefined) out.push(<s key={key}>{m[4]}</s>);
    at = m.index + m[0].length;
  }
  if (at < text.length) {
    out.push(<Fragment key={at}>{text.slice(at)}</Fragment>);
  }
  return out;
}
