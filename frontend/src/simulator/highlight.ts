import { create } from 'zustand';

/**
 * What the canvas shows of a running simulation: the node the conversation
 * waits at and the nodes it went through. The simulator store writes it; node
 * components read it, so the editor does not depend on the simulator's details.
 */
export interface SimHighlight {
  /** The node the simulated conversation stands at, or "" when none. */
  current: string;
  /** Every node run since the last restart. */
  visited: Record<string, true>;
  /** Edges taken, as "source\u0000target", in the order of the run. */
  path: Record<string, true>;
  set: (h: { current: string; visited: Record<string, true>; path: Record<string, true> }) => void;
  clear: () => void;
}

/** The simulation highlight of the canvas. */
export const useSimHighlight = create<SimHighlight>()((set) => ({
  current: '',
  visited: {},
  path: {},
  set: (h) => set(h),
  clear: () => set({ current: '', visited: {}, path: {} }),
}));

/** The key of an edge in SimHighlight.path. */
export function pathKey(source: string, target: string): string {
  return `${source}\u0000${target}`;
}
