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
 * Why not always fit: a flow fitted at a low zoom shows cards nobody can
 * read, and a 500-node one renders hundreds of them. A flow of up to
 * openWholeMaxNodes nodes that fits at openMinZoom or more is shown whole;
 * any other opens at readableZoom on its start, where the conversation
 * begins (the minimap and "Fit view" show the rest).
 */

/** The lowest zoom a flow opens at whole: card text stays legible (issue 14). */
export const openMinZoom = 0.7;

/** The zoom of a flow that does not fit at openMinZoom, framed on its start. */
export const readableZoom = 0.8;

/** The canvas' lowest zoom (FlowCanvas' minZoom). */
export const canvasMinZoom = 0.2;

/** The most nodes a flow may have to open fitted whole. */
export const openWholeMaxNodes = 100;

/** The padding around a fitted flow, as a share of the free canvas. */
export const fitPadding = 0.08;

/** The highest zoom a fit uses: small flows are not blown up. */
export const fitMaxZoom = 1;

/** A card's size before it is measured: node cards are 256 px wide. */
export const estimatedSize = { width: 256, height: 120 };

/**
 * The strips of the canvas the floating panels cover, in screen pixels: the
 * block strip on the left and the toolbar on top. Fits frame the flow in the
 * rest, so no card opens under a panel.
 */
export const panelInsets = { left: 64, top: 56 };

/** The margins, in screen pixels, left of and above a big flow's start, clear of the panels. */
const startMargin = { left: panelInsets.left + 32, top: panelInsets.top + 24 };

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

/** Fits bounds into the canvas minus the panels' strips. */
function fitBounds(bounds: ReturnType<typeof getNodesBounds>, width: number, height: number, o: FitOptions): Viewport {
  const w = Math.max(width - panelInsets.left, width / 2);
  const h = Math.max(height - panelInsets.top, height / 2);
  const v = getViewportForBounds(bounds, w, h, o.minZoom, o.maxZoom, o.padding);
  return { x: v.x + (width - w), y: v.y + (height - h), zoom: v.zoom };
}

/** The viewport that shows nodes whole on a canvas of width x height. */
export function fitNodes(nodes: readonly Node[], width: number, height: number, o: FitOptions): Viewport {
  if (nodes.length === 0 || width <= 0 || height <= 0) {
    return { x: 0, y: 0, zoom: 1 };
  }
  return fitBounds(getNodesBounds(sized(nodes)), width, height, o);
}

/** The opening viewport, and whether it shows the whole flow. */
export interface Opening {
  viewport: Viewport;
  fitsWhole: boolean;
}

/** Where a canvas of width x height opens on nodes (measured sizes are used when known). */
export function openingViewport(nodes: readonly Node[], width: number, height: number): Opening {
  if (nodes.length === 0 || width <= 0 || height <= 0) {
    return { viewport: { x: 0, y: 0, zoom: 1 }, fitsWhole: true };
  }
  const withSizes = sized(nodes);
  const bounds = getNodesBounds(withSizes);
  const fitted = fitBounds(bounds, width, height, { padding: fitPadding, minZoom: openMinZoom, maxZoom: fitMaxZoom });
  const fitsWhole =
    nodes.length <= openWholeMaxNodes &&
    bounds.width * fitted.zoom <= width - panelInsets.left &&
    bounds.height * fitted.zoom <= height - panelInsets.top;
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
