/**
 * What the UI knows of a file attached to a message: a customer's download
 * (with its state), a file the bot sends from the data folder, or a link.
 */
export interface AttachmentView {
  /** image, audio, video, document or sticker. */
  kind: string;
  /** pending (downloading or retrying), done, or failed. */
  state: 'pending' | 'done' | 'failed';
  /** The stored file's key (its SHA-256), when there is one. */
  key: string;
  /** The name to show and to save the file under. */
  name: string;
  size: number;
  mime: string;
  /** Why a download failed or is being retried. */
  error: string;
  attempts: number;
  /** A link the message sends instead of a stored file. */
  link: string;
  /** The words sent with the file. */
  caption: string;
}

/** The kinds of media WhatsApp carries. */
export const mediaKinds = ['image', 'audio', 'video', 'document', 'sticker'] as const;

/** Whether a kind is shown as a picture. */
export function isPicture(kind: string): boolean {
  return kind === 'image' || kind === 'sticker';
}

/**
 * The address of a stored file on the UI's own media route: relative, so it
 * works in the browser (behind the token cookie) and in the desktop window.
 */
export function mediaHref(key: string, name = '', download = false): string {
  const q = new URLSearchParams();
  if (name !== '') q.set('name', name);
  if (download) q.set('download', '1');
  const qs = q.toString();
  return `media/${encodeURIComponent(key)}${qs === '' ? '' : `?${qs}`}`;
}

/** A file size the way people read it: 820 bytes, 14 KB, 2.4 MB. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '';
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${Math.round(n / (1 << 10))} KB`;
  return `${n} bytes`;
}

/** How the UI names a kind in a sentence: "photo", "voice note"... */
export function kindNoun(kind: string): string {
  switch (kind) {
    case 'image':
      return 'photo';
    case 'audio':
      return 'audio';
    case 'video':
      return 'video';
    case 'sticker':
      return 'sticker';
  }
  return 'document';
}

/** A short type label from a MIME type: PDF, JPEG, DOCX... */
export function typeLabel(mime: string, name: string): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
  if (ext !== undefined) return ext.toUpperCase();
  const sub = mime.split('/')[1] ?? '';
  return sub.toUpperCase();
}
