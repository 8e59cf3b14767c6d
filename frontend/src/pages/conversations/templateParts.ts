import type { inbox } from '../../lib/backend';

/** The parts of a sent template the conversation shows (Go's whatsapp.TemplateMessage). */
export interface SentTemplateParts {
  name: string;
  language: string;
  header: string;
  headerType: string;
  headerMediaUrl: string;
  footer: string;
  buttons: string[];
  /** Indexes of the buttons that are quick replies (the others open a link or call). */
  quickReplies: number[];
}

/** Reads the template of an outgoing template message, or null for any other message. */
export function sentTemplate(m: inbox.MessageView): SentTemplateParts | null {
  if (m.type !== 'template') return null;
  let raw: unknown;
  try {
    raw = (JSON.parse(m.details || '{}') as Record<string, unknown>).template;
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const t = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    name: text(t.name),
    language: text(t.language),
    header: text(t.header),
    headerType: text(t.headerType),
    headerMediaUrl: text(t.headerMediaUrl),
    footer: text(t.footer),
    buttons: Array.isArray(t.buttons) ? t.buttons.filter((b): b is string => typeof b === 'string') : [],
    quickReplies: Array.isArray(t.quickReplies)
      ? t.quickReplies.map((q: unknown) => (typeof q === 'object' && q !== null ? (q as Record<string, unknown>).index : -1)).filter((i): i is number => typeof i === 'number')
      : [],
  };
}
