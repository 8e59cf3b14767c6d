import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { editorStore } from '../store';
import { fitMaxZoom, fitNodes, fitPadding, type FitOptions } from './viewport';

/** A fit: the nodes to show (all when absent), its framing and animation. */
export type FitRequest = Partial<FitOptions> & { nodeIds?: readonly string[]; duration?: number };

/**
 * Returns a function that brings nodes into view. It replaces React Flow's
 * fitView, which counts only the nodes it has rendered and measured: with
 * `onlyRenderVisibleElements` the nodes out of view are neither, so a fit
 * would frame what is already visible, or wait forever (viewport.ts).
 */
export function useFitView(): (r?: FitRequest) => void {
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  return useCallback(
    (r: FitRequest = {}) => {
      const { width, height, minZoom } = flow.getState();
      const ids = r.nodeIds ? new Set(r.nodeIds) : null;
      const nodes = editorStore.getState().nodes.filter((n) => ids === null || ids.has(n.id));
      const viewport = fitNodes(nodes, width, height, {
        padding: r.padding ?? fitPadding,
        minZoom: r.minZoom ?? minZoom,
        maxZoom: r.maxZoom ?? fitMaxZoom,
      });
      void setViewport(viewport, { duration: r.duration });
    },
    [flow, setViewport],
  );
}
