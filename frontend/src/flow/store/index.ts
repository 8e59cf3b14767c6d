import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { flowsBackend } from '../api';
import type { FlowNode } from '../model';
import { createEditorStore } from './editorStore';
import type { EditorState } from './types';

export type { EditorBackend, EditorState, SaveResult, SaveStatus } from './types';
export type { NodeLink } from './graph';

/** The app's one editor store: the flow open on the Flows page. */
export const editorStore = createEditorStore(flowsBackend);

/** Reads from the editor store and re-renders when the selected value changes. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(editorStore, selector);
}

/** Like useEditor for selectors that build a new array or object (compared shallowly). */
export function useEditorShallow<T>(selector: (s: EditorState) => T): T {
  return useStore(editorStore, useShallow(selector));
}

/** Returns the selected node when exactly one is selected, else null. */
export function selectSingleNode(s: EditorState): FlowNode | null {
  let found: FlowNode | null = null;
  for (const n of s.nodes) {
    if (n.selected === true) {
      if (found !== null) {
        return null;
      }
      found = n;
    }
  }
  return found;
}
