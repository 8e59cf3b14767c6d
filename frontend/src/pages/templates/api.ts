import type { WaTemplate } from '../../components/template/model';

/** What the Templates page shows (Go's Templates.List). */
export interface TemplatesView {
  templates: WaTemplate[];
  /** When the last sync finished (RFC 3339), "" when never. */
  syncedAt: string;
  /** Why a sync cannot run yet (a missing setting), "" when it can. */
  missing: string;
}

/** What one sync changed (Go's Templates.Sync). */
export interface SyncResult extends TemplatesView {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Entries of Meta's answer that could not be read. */
  skipped: number;
}

/** The page's door to Go; tests pass a fake. */
export interface TemplatesApi {
  list: () => Promise<TemplatesView>;
  sync: () => Promise<SyncResult>;
}

/** The one-line summary of a sync for its toast. */
export function syncSummary(r: SyncResult): string {
  const parts: string[] = [];
  const n = (count: number, what: string) => `${count} ${what}`;
  if (r.added > 0) parts.push(n(r.added, 'new'));
  if (r.updated > 0) parts.push(n(r.updated, 'changed'));
  if (r.removed > 0) parts.push(n(r.removed, 'removed'));
  const total = `${r.templates.length} template${r.templates.length === 1 ? '' : 's'}`;
  let s = parts.length === 0 ? `${total}, no changes.` : `${total}: ${parts.join(', ')}.`;
  if (r.skipped > 0) s += ` ${r.skipped} could not be read and were left out.`;
  return s;
}
