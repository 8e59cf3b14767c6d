import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { editorStore, selectSingleNode, useEditor } from '../store';
import { estimatedSize, panelInsets } from './viewport';

const margin = 24;

/**
 * Pans the canvas when it narrows (a drawer opened beside it) and the
 * selected node ends up under the drawer, so the node being edited stays in
 * sight next to its inspector.
 */
export function useKeepSelectionInView(): void {
  const width = useStore((s) => s.width);
  const selectedId = useEditor((s) => selectSingleNode(s)?.id ?? null);
  const { getViewport, setViewport } = useReactFlow();
  const lastWidth = useRef(width);

  useEffect(() => {
    const narrowed = width < lastWidth.current;
    lastWidth.current = width;
    if (!narrowed || selectedId === null || width <= 0) return;
    const node = editorStore.getState().nodes.find((n) => n.id === selectedId);
    if (node === undefined) return;
    const { x, y, zoom } = getViewport();
    const left = node.position.x * zoom + x;
    const right = left + (node.measured?.width ?? estimatedSize.width) * zoom;
    const overflow = right - (width - margin);
    if (overflow <= 0) return;
    const shift = Math.min(overflow, Math.max(0, left - panelInsets.left - margin));
    if (shift > 0) void setViewport({ x: x - shift, y, zoom }, { duration: 200 });
  }, [width, selectedId, getViewport, setViewport]);
}
