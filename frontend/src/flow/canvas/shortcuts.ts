/** A keyboard shortcut of the editor and what it does. */
export type ShortcutAction =
  | 'save'
  | 'addBlock'
  | 'escape'
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'selectAll'
  | 'nudgeLeft'
  | 'nudgeRight'
  | 'nudgeUp'
  | 'nudgeDown';

const arrows: Record<string, ShortcutAction> = {
  ArrowLeft: 'nudgeLeft',
  ArrowRight: 'nudgeRight',
  ArrowUp: 'nudgeUp',
  ArrowDown: 'nudgeDown',
};

/** The step of a nudge action in grid steps (Shift moves four). */
export function nudgeOf(action: ShortcutAction, shift: boolean): { dx: number; dy: number } | null {
  const n = shift ? 4 : 1;
  switch (action) {
    case 'nudgeLeft':
      return { dx: -n, dy: 0 };
    case 'nudgeRight':
      return { dx: n, dy: 0 };
    case 'nudgeUp':
      return { dx: 0, dy: -n };
    case 'nudgeDown':
      return { dx: 0, dy: n };
  }
  return null;
}

/** The subset of a KeyboardEvent the shortcut table reads. */
export interface KeyInfo {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Maps a key press to an editor action, or null. Ctrl and Cmd are the same
 * (macOS and the rest). Save, the add-block menu and Escape work while typing
 * in a field; everything else is left to the field (its own undo, copy,
 * paste and caret keys).
 */
export function shortcutFor(e: KeyInfo, typing: boolean): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey && key === 's') return 'save';
  if (mod && !e.altKey && !e.shiftKey && key === 'k') return 'addBlock';
  if (!mod && !e.altKey && e.key === 'Escape') return 'escape';
  if (typing || e.altKey) return null;
  if (!mod && e.key in arrows) return arrows[e.key] ?? null;
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod && !e.shiftKey && key === 'c') return 'copy';
  if (mod && !e.shiftKey && key === 'v') return 'paste';
  if (mod && !e.shiftKey && key === 'd') return 'duplicate';
  if (mod && !e.shiftKey && key === 'a') return 'selectAll';
  if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return 'delete';
  return null;
}

/** Reports whether the event target is a place where keys type text. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable) {
    return true;
  }
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') {
    return true;
  }
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return false;
}
