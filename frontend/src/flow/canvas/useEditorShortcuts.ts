import { useEffect } from 'react';
import { editorStore } from '../store';
import { useEditorUi } from './editorUi';
import { isTyping, nudgeOf, shortcutFor, type ShortcutAction } from './shortcuts';
import { useAddBlock } from './useAddBlock';

/** Actions that work from the drawers and the block strip too (their fields and buttons keep every other key). */
const everywhere: ReadonlySet<ShortcutAction> = new Set(['save', 'addBlock', 'escape']);

/**
 * Reports whether a key event may act on the canvas. Keys pressed inside an
 * area marked data-own-keys (the drawers with the inspector and the
 * simulator, the block strip) are left to it.
 */
function onCanvas(target: EventTarget | null): boolean {
  return !(target instanceof Element) || target.closest('[data-own-keys]') === null;
}

/** Puts the focus back on the canvas after the element holding it went away (a closed drawer). */
function focusCanvas(): void {
  document.querySelector<HTMLElement>('[data-testid="flow-canvas"]')?.focus({ preventScroll: true });
}

/**
 * Closes the innermost thing open: the simulator when the key came from it,
 * else the selection (and with it the inspector drawer), else the problems
 * list, else the simulator. Returns false when nothing was open.
 */
function escape(target: EventTarget | null): boolean {
  const ui = useEditorUi.getState();
  const s = editorStore.getState();
  const fromSimulator = target instanceof Element && target.closest('[data-drawer="simulator"]') !== null;
  const fromNode = target instanceof Element && target.closest('.react-flow__node') !== null;
  if (fromNode) {
    s.select([]); // React Flow unselects a focused node on Escape too; nothing else closes
  } else if (ui.simulator && fromSimulator) {
    ui.toggle('simulator', false);
  } else if (s.nodes.some((n) => n.selected === true) || s.edges.some((e) => e.selected === true)) {
    s.select([]);
  } else if (ui.problems) {
    ui.toggle('problems', false);
  } else if (ui.simulator) {
    ui.toggle('simulator', false);
  } else {
    return false;
  }
  focusCanvas();
  return true;
}

/**
 * Listens for the editor's keyboard shortcuts while the canvas is on screen:
 * save, the add-block menu, Escape, undo/redo, copy/paste/duplicate, delete,
 * select all and arrow-key nudging. onSave runs the page's save (which also
 * reports failures).
 */
export function useEditorShortcuts(onSave: () => void): void {
  const { openMenu } = useAddBlock();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('[role="dialog"]') !== null) {
        return;
      }
      const action = shortcutFor(e, isTyping(e.target));
      if (action === null || (!everywhere.has(action) && !onCanvas(e.target))) {
        return;
      }
      if (action === 'copy' && (window.getSelection()?.toString() ?? '') !== '') {
        return; // the user is copying text, not nodes
      }
      const s = editorStore.getState();
      const selected = s.nodes.filter((n) => n.selected === true).map((n) => n.id);
      const step = nudgeOf(action, e.shiftKey);
      if (step !== null) {
        // The steps React Flow uses for a focused node: the grid, or 5 px.
        const grid = useEditorUi.getState().snap ? 16 : 5;
        if (s.nudge(step.dx * grid, step.dy * grid) === 0) return;
        e.preventDefault();
        return;
      }
      switch (action) {
        case 'save':
          onSave();
          break;
        case 'addBlock':
          openMenu();
          break;
        case 'escape':
          if (!escape(e.target)) return;
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
  }, [onSave, openMenu]);
}
