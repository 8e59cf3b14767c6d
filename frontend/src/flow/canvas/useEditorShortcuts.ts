import { useEffect } from 'react';
import { editorStore } from '../store';
import { isTyping, shortcutFor } from './shortcuts';

/**
 * Reports whether a key event may act on the canvas. Keys pressed inside an
 * area marked data-own-keys (the dock with the inspector and the simulator,
 * whose buttons and chips have their own keys) are left to it.
 */
function onCanvas(target: EventTarget | null): boolean {
  return !(target instanceof Element) || target.closest('[data-own-keys]') === null;
}

/**
 * Listens for the editor's keyboard shortcuts while the canvas is on screen:
 * save, undo/redo, copy/paste/duplicate, delete and select all. onSave runs
 * the page's save (which also reports failures).
 */
export function useEditorShortcuts(onSave: () => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('[role="dialog"]') !== null) {
        return;
      }
      const action = shortcutFor(e, isTyping(e.target));
      if (action === null || (action !== 'save' && !onCanvas(e.target))) {
        return;
      }
      if (action === 'copy' && (window.getSelection()?.toString() ?? '') !== '') {
        return; // the user is copying text, not nodes
      }
      const s = editorStore.getState();
      const selected = s.nodes.filter((n) => n.selected === true).map((n) => n.id);
      switch (action) {
        case 'save':
          onSave();
          break;
        case 'undo':
          s.undo();
          break;
        case 'redo':
          s.redo();
          break;
        case 'copy':
          if (s.copySelection() === 0) return;
          break;
        case 'paste':
          if (s.paste() === 0) return;
          break;
        case 'duplicate':
          s.duplicate(selected);
          break;
        case 'delete':
          if (s.deleteSelection() === 0) return;
          break;
        case 'selectAll':
          s.select(s.nodes.map((n) => n.id));
          break;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onSave]);
}
