import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { editorStore, selectSingleNode, useEditor } from '../store';
import { useEditorUi } from './editorUi';
import { panClearOf } from './placement';
import { estimatedSize } from './viewport';

/** How long to wait for layout and other pans before checking. */
const settleMs = 260;

/**
 * Pans the canvas when the selected node sits under the minimap, as a block
 * just dropped or added in that corner does (a new block is selected), so
 * the minimap never hides the node being worked on (issue 14, finding 7).
 */
export function useKeepClearOfMinimap(): void {
  const selectedId = useEditor((s) => selectSingleNode(s)?.id ?? null);
  const minimap = useEditorUi((s) => s.minimap);
  // The canvas narrows when the inspector opens on the new block, which moves the minimap: check again then.
  const width = useStore((s) => s.width);
  const flow = useStoreApi();
  const { getViewport, setViewport } = useReactFlow();

  useEffect(() => {
    if (!minimap || selectedId === null) return;
    // Wait until the minimap and a new node are laid out and any pan that
    // keeps the selection beside the inspector (200 ms) has finished.
    const timer = setTimeout(() => {
      const dom = flow.getState().domNode;
      const map = dom?.querySelector('.react-flow__minimap')?.getBoundingClientRect();
      const node = editorStore.getState().nodes.find((n) => n.id === selectedId);
      if (dom == null || map === undefined || node === undefined) return;
      const area = dom.getBoundingClientRect();
      const { x, y, zoom } = getViewport();
      const left = area.left + x + node.position.x * zoom;
      const top = area.top + y + node.position.y * zoom;
      const box = {
        left,
        top,
        right: left + (node.measured?.width ?? estimatedSize.width) * zoom,
        bottom: top + (node.measured?.height ?? estimatedSize.height) * zoom,
      };
      const pan = panClearOf(box, { left: map.left, top: map.top, right: map.right, bottom: map.bottom });
      if (pan !== null) void setViewport({ x: x + pan.dx, y: y + pan.dy, zoom }, { duration: 200 });
    }, settleMs);
    return () => clearTimeout(timer);
  }, [selectedId, minimap, width, flow, getViewport, setViewport]);
}
