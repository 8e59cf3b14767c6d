/** A keyboard shortcut of the editor and what it does. */
export type ShortcutAction = 'save' | 'undo' | 'redo' | 'copy' | 'paste' | 'duplicate' | 'delete' | 'selectAll';

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
 * (macOS and the rest); only Save works while typing in a field, everything
 * else is left to the field (its own undo, copy and paste).
 */
export function shortcutFor(e: KeyInfo, typing: boolean): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey && key === 's') return 'save';
  if (typing || e.altKey) return null;
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
