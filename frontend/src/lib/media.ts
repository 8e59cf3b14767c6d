/** A file stored in the data folder for a message node (Go's media.Attachment). */
export interface StoredAttachment {
  /** The file's key (its SHA-256): what the node keeps as mediaFile. */
  key: string;
  kind: string;
  mime: string;
  size: number;
  /** The file's name as chosen. */
  name: string;
}

/**
 * Stores a file chosen in the editor in the data folder (checked, size-capped
 * and content-addressed by the backend's media route, which both the
 * browser-mode server and the desktop window serve) and returns what the
 * message node keeps. Rejects with an Error carrying the backend's sentence.
 */
export async function uploadAttachment(file: Blob, name: string, kind: string): Promise<StoredAttachment> {
  const q = new URLSearchParams({ kind, name });
  let resp: Response;
  try {
    resp = await fetch(`media/attachments?${q.toString()}`, { method: 'POST', body: file });
  } catch {
    throw new Error('The file could not be sent to the app. Try again.');
  }
  let body: unknown;
  try {
    body = await resp.json();
  } catch {
    body = null;
  }
  if (!resp.ok) {
    const msg = typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : '';
    throw new Error(msg !== '' ? msg : `The file could not be stored (HTTP ${resp.status}).`);
  }
  return body as StoredAttachment;
}
