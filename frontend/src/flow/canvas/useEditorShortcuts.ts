import { useEffect } from 'react';
import { editorStore } from '../store';
import { isTyping, shortcutFor } from './shortcuts';

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
      if (action === null) {
        return;
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
