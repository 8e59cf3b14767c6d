import type { Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { estimatedSize, fitNodes, openingViewport, openMinZoom, panelInsets, readableZoom } from './viewport';

const node = (id: string, x: number, y: number, type = 'message'): Node => ({ id, type, position: { x, y }, data: {} });
const { width: W, height: H } = estimatedSize;

/** The flow-space rectangle a viewport shows on a canvas of width x height, minus the panels' strips. */
function visible(v: { x: number; y: number; zoom: number }, width: number, height: number) {
  return {
    left: (panelInsets.left - v.x) / v.zoom,
    top: (panelInsets.top - v.y) / v.zoom,
    right: (width - v.x) / v.zoom,
    bottom: (height - v.y) / v.zoom,
  };
}

describe('openingViewport', () => {
  it('shows a small flow whole, clear of the panels, not enlarged past 100%', () => {
    const nodes = [node('s', 0, 0, 'start'), node('a', 300, 0), node('b', 300, 150)];
    const { viewport, fitsWhole } = openingViewport(nodes, 1000, 700);
    expect(fitsWhole).toBe(true);
    expect(viewport.zoom).toBe(1);
    const area = visible(viewport, 1000, 700);
    expect(area.left).toBeLessThanOrEqual(0);
    expect(area.right).toBeGreaterThanOrEqual(300 + W);
    expect(area.top).toBeLessThanOrEqual(0);
    expect(area.bottom).toBeGreaterThanOrEqual(150 + H);
  });

  it('zooms out to fit a wider flow, but never below a readable zoom', () => {
    const nodes = Array.from({ length: 5 }, (_, i) => node(`n${i}`, i * 320, 0, i === 0 ? 'start' : 'message'));
    const { viewport, fitsWhole } = openingViewport(nodes, 1300, 700);
    expect(fitsWhole).toBe(true);
    expect(viewport.zoom).toBeLessThan(1);
    expect(viewport.zoom).toBeGreaterThanOrEqual(openMinZoom);
    expect(visible(viewport, 1300, 700).right).toBeGreaterThanOrEqual(4 * 320 + W);
  });

  it('frames the start at a readable zoom when the flow would need a smaller one', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => node(`n${i}`, i * 320, 0, i === 0 ? 'start' : 'message'));
    const { viewport, fitsWhole } = openingViewport(nodes, 1000, 700);
    expect(fitsWhole).toBe(false);
    expect(viewport.zoom).toBe(readableZoom);
    const area = visible(viewport, 1000, 700);
    expect(area.left).toBeLessThan(0);
    expect(area.right).toBeGreaterThan(W);
  });

  it('opens a flow too big to show whole on its start, at a readable zoom', () => {
    const nodes = Array.from({ length: 500 }, (_, i) => node(`n${i}`, (i % 25) * 320, Math.floor(i / 25) * 200));
    nodes[0] = node('n0', 0, 0, 'start');
    const { viewport, fitsWhole } = openingViewport(nodes, 640, 780);
    expect(fitsWhole).toBe(false);
    expect(viewport.zoom).toBe(readableZoom);
    const area = visible(viewport, 640, 780);
    // The start is in view, near the left edge, clear of the panels.
    expect(area.left).toBeLessThan(0);
    expect(area.right).toBeGreaterThan(W);
    expect(area.top).toBeLessThan(0);
    expect(area.bottom).toBeGreaterThan(H);
  });

  it('uses measured sizes when the nodes have them', () => {
    const tall = { ...node('s', 0, 0, 'start'), measured: { width: 240, height: 500 } };
    const { viewport } = openingViewport([tall], 1000, 700);
    expect(visible(viewport, 1000, 700).bottom).toBeGreaterThanOrEqual(500 * 0.99);
  });

  it('opens an empty flow or a canvas not laid out yet at 100%', () => {
    expect(openingViewport([], 1000, 700).viewport).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(openingViewport([node('s', 0, 0)], 0, 0).viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('fits nodes it has not measured by their estimated size', () => {
    const nodes = Array.from({ length: 500 }, (_, i) => node(`n${i}`, (i % 25) * 320, Math.floor(i / 25) * 200));
    const v = fitNodes(nodes, 640, 780, { padding: 0.15, minZoom: 0.01, maxZoom: 1 });
    const area = visible(v, 640, 780);
    expect(area.left).toBeLessThanOrEqual(0);
    expect(area.right).toBeGreaterThanOrEqual(24 * 320 + W);
    expect(area.bottom).toBeGreaterThanOrEqual(19 * 200 + H);
  });
});

describe('openingViewport on a tall flow', () => {
  it('keeps the start at mid-height at most, with the flow below it', () => {
    const nodes = [node('s', 0, 2000, 'start'), ...Array.from({ length: 40 }, (_, i) => node(`n${i}`, 320, i * 200))];
    const { viewport } = openingViewport(nodes, 640, 780);
    const startTop = 2000 * viewport.zoom + viewport.y;
    expect(startTop).toBeGreaterThan(0);
    expect(startTop).toBeLessThanOrEqual(390);
  });
});
