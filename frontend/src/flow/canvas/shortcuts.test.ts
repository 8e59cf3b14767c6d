import { describe, expect, it } from 'vitest';
import { isTyping, nudgeOf, shortcutFor, type KeyInfo } from './shortcuts';

const key = (k: string, mods: Partial<KeyInfo> = {}): KeyInfo => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  const cases: { name: string; e: KeyInfo; typing?: boolean; want: string | null }[] = [
    { name: 'Ctrl+S saves', e: key('s', { ctrlKey: true }), want: 'save' },
    { name: 'Cmd+S saves even while typing', e: key('s', { metaKey: true }), typing: true, want: 'save' },
    { name: 'Ctrl+Z undoes', e: key('z', { ctrlKey: true }), want: 'undo' },
    { name: 'Cmd+Shift+Z redoes', e: key('Z', { metaKey: true, shiftKey: true }), want: 'redo' },
    { name: 'Ctrl+Y redoes', e: key('y', { ctrlKey: true }), want: 'redo' },
    { name: 'Ctrl+C copies', e: key('c', { ctrlKey: true }), want: 'copy' },
    { name: 'Cmd+V pastes', e: key('v', { metaKey: true }), want: 'paste' },
    { name: 'Ctrl+D duplicates', e: key('d', { ctrlKey: true }), want: 'duplicate' },
    { name: 'Ctrl+A selects all', e: key('a', { ctrlKey: true }), want: 'selectAll' },
    { name: 'Delete deletes', e: key('Delete'), want: 'delete' },
    { name: 'Backspace deletes', e: key('Backspace'), want: 'delete' },
    { name: 'Backspace while typing is the field’s', e: key('Backspace'), typing: true, want: null },
    { name: 'Ctrl+Z while typing is the field’s', e: key('z', { ctrlKey: true }), typing: true, want: null },
    { name: 'a plain letter does nothing', e: key('c'), want: null },
    { name: 'Alt combinations are left alone', e: key('z', { ctrlKey: true, altKey: true }), want: null },
    { name: 'Ctrl+K opens the add-block menu', e: key('k', { ctrlKey: true }), want: 'addBlock' },
    { name: 'Cmd+K opens it while typing too', e: key('k', { metaKey: true }), typing: true, want: 'addBlock' },
    { name: 'Escape closes, even from a field', e: key('Escape'), typing: true, want: 'escape' },
    { name: 'arrows nudge', e: key('ArrowLeft'), want: 'nudgeLeft' },
    { name: 'Shift+arrow nudges too', e: key('ArrowDown', { shiftKey: true }), want: 'nudgeDown' },
    { name: 'arrows while typing move the caret', e: key('ArrowUp'), typing: true, want: null },
    { name: 'Ctrl+arrow is left alone', e: key('ArrowRight', { ctrlKey: true }), want: null },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      expect(shortcutFor(tc.e, tc.typing ?? false)).toBe(tc.want);
    });
  }
});

describe('nudgeOf', () => {
  it('moves one grid step, four with Shift', () => {
    expect(nudgeOf('nudgeLeft', false)).toEqual({ dx: -1, dy: 0 });
    expect(nudgeOf('nudgeDown', true)).toEqual({ dx: 0, dy: 4 });
    expect(nudgeOf('save', false)).toBeNull();
  });
});

describe('isTyping', () => {
  it('knows text inputs from buttons and checkboxes', () => {
    const text = document.createElement('input');
    const box = document.createElement('input');
    box.type = 'checkbox';
    expect(isTyping(text)).toBe(true);
    expect(isTyping(box)).toBe(false);
    expect(isTyping(document.createElement('textarea'))).toBe(true);
    expect(isTyping(document.createElement('button'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
