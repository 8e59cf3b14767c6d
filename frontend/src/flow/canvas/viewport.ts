import { getNodesBounds, getViewportForBounds, type Node, type Viewport } from '@xyflow/react';

/**
 * Where the canvas opens, computed before React Flow first renders.
 *
 * Why not React Flow's `fitView` prop: it waits until every node has been
 * rendered and measured, so a big flow was rendered twice (at zoom 1, then
 * fitted), and every one of its nodes had to be in the page. With the
 * viewport known up front, the first render is the final one and, with
 * `onlyRenderVisibleElements`, only the nodes in view are in the page.
 *
 * Why not always fit: a 500-node flow fitted at the lowest zoom shows a few
 * hundred unreadable cards, and rendering them all is what made opening it
 * slow. A flow of up to openWholeMaxNodes nodes that fits at the canvas'
 * lowest zoom is shown whole, as before; a bigger one opens at a readable
 * zoom on its start, where the conversation begins (the minimap and "Fit
 * view" show the rest).
 */

/** The lowest zoom at which a card's text can still be read. */
export const readableZoom = 0.5;

/** The canvas' lowest zoom (FlowCanvas' minZoom). */
export const canvasMinZoom = 0.2;

/** The most nodes a flow may have to open fitted whole. */
export const openWholeMaxNodes = 100;

/** The padding around a fitted flow, as a share of the canvas. */
export const fitPadding = 0.15;

/** The highest zoom a fit uses: small flows are not blown up. */
export const fitMaxZoom = 1;

/** A card's size before it is measured: node cards are 240 px wide. */
const estimatedSize = { width: 240, height: 96 };

/** The margins, in screen pixels, left of and above a big flow's start; the top one clears the canvas toolbar. */
const startMargin = { left: 48, top: 80 };

/**
 * Nodes with a size for fitting: the measured one, else an estimate. React
 * Flow's own fitView leaves out nodes it has not measured, and with
 * `onlyRenderVisibleElements` the nodes out of view never are.
 */
function sized(nodes: readonly Node[]): Node[] {
  return nodes.map((n) =>
    n.measured?.width !== undefined && n.measured.height !== undefined
      ? { ...n, width: n.measured.width, height: n.measured.height }
      : { ...n, width: estimatedSize.width, height: estimatedSize.height },
  );
}

/** How a fit is framed. */
export interface FitOptions {
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/** The viewport that shows nodes whole on a canvas of width x height. */
export function fitNodes(nodes: readonly Node[], width: number, height: number, o: FitOptions): Viewport {
  if (nodes.length === 0 || width <= 0 || height <= 0) {
    return { x: 0, y: 0, zoom: 1 };
  }
  return getViewportForBounds(getNodesBounds(sized(nodes)), width, height, o.minZoom, o.maxZoom, o.padding);
}

/** The opening viewport, and whether it shows the whole flow. */
export interface Opening {
  viewport: Viewport;
  fitsWhole: boolean;
}

/** Where a canvas of width x height opens on nodes. */
export function openingViewport(nodes: readonly Node[], width: number, height: number): Opening {
  if (nodes.length === 0 || width <= 0 || height <= 0) {
    return { viewport: { x: 0, y: 0, zoom: 1 }, fitsWhole: true };
  }
  const withSizes = sized(nodes);
  const bounds = getNodesBounds(withSizes);
  const fitted = getViewportForBounds(bounds, width, height, canvasMinZoom, fitMaxZoom, fitPadding);
  const fitsWhole =
    nodes.length <= openWholeMaxNodes &&
    bounds.width * fitted.zoom <= width * (1 - fitPadding / 2) &&
    bounds.height * fitted.zoom <= height * (1 - fitPadding / 2);
  if (fitsWhole) {
    return { viewport: fitted, fitsWhole };
  }
  const start = withSizes.find((n) => n.type === 'start') ?? withSizes[0];
  const zoom = readableZoom;
  // The start's left edge near the canvas' left; the flow's top edge near
  // the canvas' top, unless that would push the start below mid-height.
  const startMiddle = start.position.y + (start.height ?? estimatedSize.height) / 2;
  const y = Math.min(startMargin.top - bounds.y * zoom, height / 2 - startMiddle * zoom);
  return {
    viewport: { x: startMargin.left - start.position.x * zoom, y, zoom },
    fitsWhole,
  };
}
