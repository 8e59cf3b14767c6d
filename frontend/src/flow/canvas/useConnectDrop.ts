import { useReactFlow, useStoreApi, type OnConnectEnd } from '@xyflow/react';
import { useCallback } from 'react';
import type { FlowNode } from '../model';
import { useEditorUi } from './editorUi';
import { snapped } from './placement';
import { canvasBox } from './useAddBlock';
import { estimatedSize } from './viewport';

/** How far below a card's top its input handle sits (NodeCard.module.css .target). */
const handleTop = 24;

/** The window point of a mouse or touch event that ended a connection. */
function endPoint(e: MouseEvent | TouchEvent): { x: number; y: number } | null {
  if ('changedTouches' in e) {
    const t = e.changedTouches[0];
    return t === undefined ? null : { x: t.clientX, y: t.clientY };
  }
  return { x: e.clientX, y: e.clientY };
}

/**
 * React Flow's onConnectEnd for the canvas: a connection dropped on empty
 * canvas opens the add-block menu there, and the chosen block is placed at the
 * drop point and joined to the dragged handle (its input at the point after
 * an output; its output at the point before an input).
 */
export function useConnectDrop(): OnConnectEnd {
  const { screenToFlowPosition } = useReactFlow<FlowNode>();
  const flow = useStoreApi<FlowNode>();
  return useCallback<OnConnectEnd>(
    (e, c) => {
      if (c.isValid === true || c.toNode !== null || c.fromNode === null || c.fromHandle === null) return;
      const at = endPoint(e);
      if (at === null) return;
      const under = document.elementFromPoint(at.x, at.y);
      if (under === null || under.closest('.react-flow__pane') === null) return; // dropped on a node or a panel
      const p = screenToFlowPosition(at);
      const fromOutput = c.fromHandle.type === 'source';
      const position = snapped(
        fromOutput ? { x: p.x, y: p.y - handleTop } : { x: p.x - estimatedSize.width, y: p.y - handleTop },
      );
      useEditorUi.getState().openMenu({
        at: { x: at.x + 8, y: at.y + 8 },
        area: canvasBox(flow.getState().domNode),
        position,
        link: fromOutput ? { source: c.fromNode.id, sourceHandle: c.fromHandle.id ?? null } : { target: c.fromNode.id },
      });
    },
    [flow, screenToFlowPosition],
  );
}
