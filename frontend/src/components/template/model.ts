/**
 * WhatsApp message templates as Go keeps them (whatsapp.Template, synced
 * from the business account), and the rules the preview, the template node
 * and the inbox share. templateParameters mirrors Template.Parameters in
 * backend/whatsapp/template.go: the same order, so a value list means the
 * same thing on both sides.
 */

/** A template's optional first line: text (with at most one parameter) or a media kind. */
export interface WaTemplateHeader {
  /** text, image, video, document or location. */
  format: string;
  text?: string;
  /** A sample media link Meta was shown at review. */
  example?: string;
}

/** One button under a template. */
export interface WaTemplateButton {
  /** quick_reply, url, phone_number, copy_code or other. */
  type: string;
  text: string;
  url?: string;
  phone?: string;
}

/** One synced template (Go's whatsapp.Template, camelCase JSON). */
export interface WaTemplate {
  id: string;
  name: string;
  language: string;
  /** MARKETING, UTILITY or AUTHENTICATION. */
  category: string;
  /** Meta's review state: APPROVED, PENDING, REJECTED, PAUSED, DISABLED... */
  status: string;
  rejectedReason?: string;
  /** positional ({{1}}) or named ({{order_id}}). */
  parameterFormat: string;
  header?: WaTemplateHeader | null;
  body: string;
  footer?: string;
  buttons?: WaTemplateButton[] | null;
  /** What the product cannot fill at send time; such a template is shown but never sent. */
  unsupported?: string;
  /** Review samples by parameter key ("body.1"). */
  examples?: Record<string, string> | null;
}

/** One value a send must supply. */
export interface TemplateParam {
  component: 'header' | 'body' | 'button';
  /** The button's position among the template's buttons. */
  index: number;
  /** The placeholder as written between the braces: "1" or "order_id". */
  name: string;
  example: string;
}

const placeholderRE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The distinct placeholder names of text, by number (positional) or by first appearance (named). */
export function placeholderNames(text: string, format: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(placeholderRE)) {
    const name = m[1] ?? '';
    if (!names.includes(name)) {
      names.push(name);
    }
  }
  if (format !== 'named') {
    const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : Number.POSITIVE_INFINITY);
    names.sort((a, b) => num(a) - num(b));
  }
  return names;
}

/** The key of a parameter inside its template: "body.1", "header.name", "button.2.1". */
export function paramKey(p: Pick<TemplateParam, 'component' | 'index' | 'name'>): string {
  return p.component === 'button' ? `button.${p.index}.${p.name}` : `${p.component}.${p.name}`;
}

/** A parameter's name for people: "Body {{1}}", "Header {{name}}", "Button 3 URL {{1}}". */
export function paramLabel(p: TemplateParam): string {
  switch (p.component) {
    case 'header':
      return `Header {{${p.name}}}`;
    case 'button':
      return `Button ${p.index + 1} URL {{${p.name}}}`;
  }
  return `Body {{${p.name}}}`;
}

/** Every value a send of t needs, in order: the text header's, the body's, then each URL button's suffix. */
export function templateParameters(t: WaTemplate): TemplateParam[] {
  const out: TemplateParam[] = [];
  const add = (component: TemplateParam['component'], index: number, names: string[]) => {
    for (const name of names) {
      const p = { component, index, name, example: '' };
      p.example = t.examples?.[paramKey(p)] ?? '';
      out.push(p);
    }
  };
  if (t.header?.format === 'text') {
    add('header', 0, placeholderNames(t.header.text ?? '', t.parameterFormat));
  }
  add('body', 0, placeholderNames(t.body, t.parameterFormat));
  (t.buttons ?? []).forEach((b, i) => {
    if (b.type === 'url') {
      add('button', i, placeholderNames(b.url ?? '', 'positional'));
    }
  });
  return out;
}

/** The media kind of the header (image, video, document) when a send needs a link, else "". */
export function mediaHeader(t: WaTemplate): string {
  const f = t.header?.format ?? '';
  return f === 'image' || f === 'video' || f === 'document' ? f : '';
}

/** The texts of the quick-reply buttons, in order: a template node has one output per text. */
export function quickReplies(t: WaTemplate): string[] {
  return (t.buttons ?? []).filter((b) => b.type === 'quick_reply').map((b) => b.text);
}

/** Whether WhatsApp would send t now. */
export function sendable(t: WaTemplate): boolean {
  return t.status.toUpperCase() === 'APPROVED' && (t.unsupported ?? '') === '';
}

/** How a status reads in the app, and the badge tone it gets. */
export function statusInfo(t: WaTemplate): { label: string; tone: 'success' | 'warning' | 'danger' | 'neutral' } {
  if ((t.unsupported ?? '') !== '') {
    return { label: 'Not supported', tone: 'neutral' };
  }
  switch (t.status.toUpperCase()) {
    case 'APPROVED':
      return { label: 'Approved', tone: 'success' };
    case 'PENDING':
    case 'IN_APPEAL':
      return { label: t.status.toUpperCase() === 'PENDING' ? 'In review' : 'In appeal', tone: 'warning' };
    case 'PAUSED':
      return { label: 'Paused', tone: 'warning' };
    case 'REJECTED':
      return { label: 'Rejected', tone: 'danger' };
    case 'DISABLED':
      return { label: 'Disabled', tone: 'danger' };
  }
  const s = t.status.toLowerCase().replace(/_/g, ' ');
  return { label: s.charAt(0).toUpperCase() + s.slice(1), tone: 'neutral' };
}

/** One piece of a template text: plain words, or a placeholder with its parameter key. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'param'; name: string; key: string };

/** Splits one component's text into words and placeholders (for highlighting or filling). */
export function splitTemplateText(text: string, component: 'header' | 'body'): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(placeholderRE)) {
    if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
    const name = m[1] ?? '';
    parts.push({ kind: 'param', name, key: `${component}.${name}` });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** A readable language name for a template language code ("en_US" → "English (US)"), else the code. */
export function languageName(code: string): string {
  try {
    const tag = code.replace('_', '-');
    const names = new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' });
    return names.of(tag) ?? code;
  } catch {
    return code;
  }
}
