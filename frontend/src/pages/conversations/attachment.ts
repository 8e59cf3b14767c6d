import type { AttachmentView } from '../../components/media';
import type { inbox } from '../../lib/backend';

const inboundKinds = new Set(['image', 'audio', 'video', 'document', 'sticker']);

type Raw = Record<string, unknown>;

const str = (o: Raw | undefined, k: string): string => (o !== undefined && typeof o[k] === 'string' ? o[k] : '');
const num = (o: Raw | undefined, k: string): number => (o !== undefined && typeof o[k] === 'number' ? o[k] : 0);
const obj = (v: unknown): Raw | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : undefined);

/**
 * The file of a conversation message, if it has one: a customer's
 * attachment (its "file" details say how its download stands; none yet means
 * it is being downloaded), or a file or link the bot or a person sent.
 */
export function attachmentOf(m: inbox.MessageView): AttachmentView | null {
  let raw: Raw | undefined;
  try {
    raw = obj(JSON.parse(m.details || '{}'));
  } catch {
    return null;
  }
  if (raw === undefined) return null;
  const base: AttachmentView = {
    kind: '',
    state: 'done',
    key: '',
    name: '',
    size: 0,
    mime: '',
    error: '',
    attempts: 0,
    link: '',
    caption: m.direction === 'out' ? m.text : '',
  };
  if (m.direction === 'in') {
    const media = obj(raw.media);
    if (!inboundKinds.has(m.type) || media === undefined) return null;
    const file = obj(raw.file);
    const state = str(file, 'state');
    return {
      ...base,
      kind: m.type,
      state: state === 'done' || state === 'failed' ? state : 'pending',
      key: str(file, 'key'),
      name: str(file, 'name') || str(media, 'filename'),
      size: num(file, 'size'),
      mime: str(file, 'mime') || str(media, 'mimeType'),
      error: str(file, 'error'),
      attempts: num(file, 'attempts'),
      caption: str(media, 'caption'),
    };
  }
  if (str(raw, 'kind') !== 'media') return null;
  const kind = str(raw, 'mediaType') || 'image';
  const key = str(raw, 'mediaFile');
  if (key !== '') {
    return { ...base, kind, key, name: str(raw, 'filename') };
  }
  const link = str(raw, 'mediaUrl');
  return link === '' ? null : { ...base, kind, link };
}
