import { Fragment, type ReactNode } from 'react';

/**
 * WhatsApp's formatting (*bold*, _italic_, ~strike~, ```mono```) over a
 * template text whose placeholders render as elements of their own. The
 * placeholders are swapped for private-use characters before formatting, so
 * "*{{1}}*" is a bold placeholder, then put back inside whatever style
 * surrounds them. The markers follow the simulator's rules (whatsappText.tsx).
 */
const formatting =
  /```([^`]+)```|(?<!\w)\*([^*\s](?:[^*]*[^*\s])?)\*(?!\w)|(?<!\w)_([^_\s](?:[^_]*[^_\s])?)_(?!\w)|(?<!\w)~([^~\s](?:[^~]*[^~\s])?)~(?!\w)/g;

const placeholder = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const firstSentinel = 0xe000;
const sentinels = /([\ue000-\uf8ff])/;

/** Renders text with WhatsApp's formatting; renderParam draws each placeholder by name. */
export function RichTemplateText({ text, renderParam }: { text: string; renderParam: (name: string, key: string) => ReactNode }) {
  const names: string[] = [];
  const swapped = text.replace(placeholder, (_, name: string) => {
    names.push(name);
    return String.fromCharCode(firstSentinel + names.length - 1);
  });
  const withParams = (s: string, key: string): ReactNode[] =>
    s.split(sentinels).map((piece, i) => {
      const code = piece.length === 1 ? piece.charCodeAt(0) - firstSentinel : -1;
      if (code >= 0 && code < names.length) {
        return <Fragment key={`${key}p${i}`}>{renderParam(names[code] ?? '', `${key}p${i}`)}</Fragment>;
      }
      return piece === '' ? null : <Fragment key={`${key}t${i}`}>{piece}</Fragment>;
    });
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of swapped.matchAll(formatting)) {
    if (m.index > at) out.push(...withParams(swapped.slice(at, m.index), `s${at}`));
    const key = `f${m.index}`;
    if (m[1] !== undefined) out.push(<code key={key}>{withParams(m[1], key)}</code>);
    else if (m[2] !== undefined) out.push(<strong key={key}>{withParams(m[2], key)}</strong>);
    else if (m[3] !== undefined) out.push(<em key={key}>{withParams(m[3], key)}</em>);
    else if (m[4] !== undefined) out.push(<s key={key}>{withParams(m[4], key)}</s>);
    at = m.index + m[0].length;
  }
  if (at < swapped.length) out.push(...withParams(swapped.slice(at), `s${at}`));
  return <>{out}</>;
}
