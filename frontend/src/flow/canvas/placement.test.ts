import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../model';
import { freeSpot, panClearOf } from './placement';

describe('panClearOf', () => {
  const minimap = { left: 1100, top: 580, right: 1260, bottom: 684 };

  it('leaves a node alone that the minimap does not cover', () => {
    expect(panClearOf({ left: 800, top: 560, right: 1056, bottom: 680 }, minimap)).toBeNull();
    expect(panClearOf({ left: 1100, top: 400, right: 1356, bottom: 520 }, minimap)).toBeNull();
  });

  it('pans a covered node out the shorter way, with a margin', () => {
    // Just over the minimap's left edge: panning left by 40 + 16 is shorter than up.
    expect(panClearOf({ left: 884, top: 540, right: 1140, bottom: 660 }, minimap)).toEqual({ dx: -56, dy: 0 });
    // Just over its top edge: up by 20 + 16.
    expect(panClearOf({ left: 1120, top: 480, right: 1376, bottom: 600 }, minimap)).toEqual({ dx: 0, dy: -36 });
  });
});

describe('freeSpot', () => {
  it('moves a new card down until it covers no node', () => {
    const nodes = [{ id: 'a', type: 'message', position: { x: 0, y: 0 }, data: {} }] as unknown as FlowNode[];
    expect(freeSpot({ x: 10, y: 10 }, nodes).y).toBeGreaterThanOrEqual(120);
    expect(freeSpot({ x: 400, y: 10 }, nodes)).toEqual({ x: 400, y: 16 });
  });
});
