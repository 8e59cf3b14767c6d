import { useReactFlow, useStoreApi, type XYPosition } from '@xyflow/react';
import { useCallback } from 'react';
import type { NodeType } from '../model';
import { editorStore, type NodeLink } from '../store';
import { useEditorUi, type BlockMenuRequest } from './editorUi';
import { afterSelection, freeSpot } from './placement';
import { estimatedSize } from './viewport';

/** The canvas' box in window coordinates (the whole window before React Flow is laid out). */
export function canvasBox(el: Element | null | undefined): BlockMenuRequest['area'] {
  const r = el?.getBoundingClientRect();
  return r === undefined ? { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight } : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

/** Adding blocks without a drag: a palette click, or the add-block menu from the keyboard. */
export interface AddBlock {
  /** Adds a block where placeHere says. */
  add: (type: NodeType) => void;
  /** Opens the add-block menu for the same place. */
  openMenu: () => void;
}

/**
 * Where a block added without a drag goes: after the one selected node
 * (joined to its first free output), else in the middle of the view, moved
 * down until it covers no node.
 */
export function useAddBlock(): AddBlock {
  const { screenToFlowPosition } = useReactFlow();
  const flow = useStoreApi();

  const placeHere = useCallback((): { position: XYPosition; link?: NodeLink } => {
    const { nodes, edges } = editorStore.getState();
    const after = afterSelection(nodes, edges);
    if (after !== null) return after;
    const box = canvasBox(flow.getState().domNode);
    const center = screenToFlowPosition({ x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 });
    return { position: freeSpot({ x: center.x - estimatedSize.width / 2, y: center.y - estimatedSize.height / 2 }, nodes) };
  }, [flow, screenToFlowPosition]);

  const add = useCallback(
    (type: NodeType) => {
      const { position, link } = placeHere();
      editorStore.getState().addNode(type, position, link);
    },
    [placeHere],
  );

  const openMenu = useCallback(() => {
    useEditorUi.getState().openMenu({ at: null, area: canvasBox(flow.getState().domNode), ...placeHere() });
  }, [flow, placeHere]);

  return { add, openMenu };
}
