import type { FlowEdge, FlowNode } from '../model';

/** The document part of the editor that undo and redo restore. */
export interface Snapshot {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Past and future snapshots plus what coalesces edits into one step. */
export interface History {
  past: Snapshot[];
  future: Snapshot[];
  /** Key and time of the last recorded edit; typing in one field is one step. */
  lastKey: string;
  lastAt: number;
}

/** How many steps are kept. */
export const historyLimit = 100;

/** Edits with the same key closer together than this are one undo step. */
export const coalesceMs = 1000;

/** An empty history. */
export function emptyHistory(): History {
  return { past: [], future: [], lastKey: '', lastAt: 0 };
}

/**
 * Records the state before an edit. An edit with the same non-empty key as the
 * previous one, within coalesceMs, joins the previous step instead. Any new
 * edit clears the redo list.
 */
export function record(h: History, before: Snapshot, key: string, now: number): History {
  if (key !== '' && key === h.lastKey && now - h.lastAt < coalesceMs) {
    return { ...h, future: [], lastAt: now };
  }
  const past = [...h.past, before];
  if (past.length > historyLimit) {
    past.splice(0, past.length - historyLimit);
  }
  return { past, future: [], lastKey: key, lastAt: now };
}

/** Steps back: returns the snapshot to show and the new history, or null when there is nothing to undo. */
export function undo(h: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const snapshot = h.past[h.past.length - 1];
  if (snapshot === undefined) {
    return null;
  }
  return {
    snapshot,
    history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastKey: '', lastAt: 0 },
  };
}

/** Steps forward again after an undo, or returns null when there is nothing to redo. */
export function redo(h: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const snapshot = h.future[0];
  if (snapshot === undefined) {
    return null;
  }
  return {
    snapshot,
    history: { past: [...h.past, current], future: h.future.slice(1), lastKey: '', lastAt: 0 },
  };
}
