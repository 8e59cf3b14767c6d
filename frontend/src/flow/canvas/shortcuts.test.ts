import { describe, expect, it } from 'vitest';
import { isTyping, shortcutFor, type KeyInfo } from './shortcuts';

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
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      expect(shortcutFor(tc.e, tc.typing ?? false)).toBe(tc.want);
    });
  }
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
