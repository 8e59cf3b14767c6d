import type { XYPosition } from '@xyflow/react';
import { create } from 'zustand';
import type { NodeLink } from '../store';

/**
 * What the "add block" menu was opened for: where it shows, where the chosen
 * block goes, and what the block is joined to.
 */
export interface BlockMenuRequest {
  /** The menu's top-left corner in window coordinates; null centres it on the canvas. */
  at: { x: number; y: number } | null;
  /** The canvas' box in window coordinates, which the menu stays inside. */
  area: { left: number; top: number; right: number; bottom: number };
  /** The new block's position on the canvas (flow coordinates). */
  position: XYPosition;
  /** The handle a dragged connection was dropped from, or the selected node's free output. */
  link?: NodeLink;
}

interface EditorUiState {
  /** Snap node positions to the 16 px grid. */
  snap: boolean;
  minimap: boolean;
  /** The problems list over the canvas. */
  problems: boolean;
  /** The simulator drawer. */
  simulator: boolean;
  menu: BlockMenuRequest | null;
  toggle: (what: 'snap' | 'minimap' | 'problems' | 'simulator', on?: boolean) => void;
  openMenu: (request: BlockMenuRequest) => void;
  closeMenu: () => void;
  /** Back to the defaults when another flow opens. */
  reset: (options: { minimap: boolean }) => void;
}

/**
 * The flow editor's view state that the canvas, its floating panels, the
 * drawers and the keyboard shortcuts share. It is not part of the document,
 * so it never reaches undo or the saved flow.
 */
export const useEditorUi = create<EditorUiState>()((set) => ({
  snap: true,
  minimap: false,
  problems: false,
  simulator: false,
  menu: null,
  toggle: (what, on) => set((s) => ({ [what]: on ?? !s[what] })),
  openMenu: (menu) => set({ menu }),
  closeMenu: () => set({ menu: null }),
  reset: ({ minimap }) => set({ snap: true, minimap, problems: false, simulator: false, menu: null }),
}));
