import { ErrorCode, errorCode } from '../../lib/errors';

/** Saves text as a file through the browser's download (works in browser mode and the desktop window). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file name of an export made now, such as chatflow-bundle-2025-01-31.json. */
export function bundleFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `chatflow-bundle-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/**
 * Reports whether an import failed only because names already exist, so that
 * importing with replace would work: Go refuses those, and only those, with
 * ECONFLICT (a bundle with any other problem is EINVALID).
 */
export function isNameConflict(reason: unknown): boolean {
  return errorCode(reason) === ErrorCode.Conflict;
}

/** Says in one sentence what an import did. */
export function importSummary(r: { created: string[]; replaced: string[]; published: string }): string {
  const parts: string[] = [];
  if (r.created.length > 0) parts.push(`${r.created.length} added`);
  if (r.replaced.length > 0) parts.push(`${r.replaced.length} replaced`);
  let text = parts.length === 0 ? 'Nothing to import.' : `Imported: ${parts.join(', ')}.`;
  if (r.published !== '') text += ` "${r.published}" is live.`;
  return text;
}
