import type { XYPosition } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../model';
import { outputsOf } from '../nodes/catalogue';
import type { NodeLink } from '../store';
import { estimatedSize } from './viewport';

/** The gap left between a node and the block added after it. */
const gap = 96;

/** Rounds a position to the 16 px grid. */
export function snapped(p: XYPosition): XYPosition {
  return { x: Math.round(p.x / 16) * 16, y: Math.round(p.y / 16) * 16 };
}

function size(n: FlowNode): { width: number; height: number } {
  return { width: n.measured?.width ?? estimatedSize.width, height: n.measured?.height ?? estimatedSize.height };
}

/** Moves p down in steps until a new card there would cover no node. */
export function freeSpot(p: XYPosition, nodes: readonly FlowNode[]): XYPosition {
  const w = estimatedSize.width;
  const h = estimatedSize.height;
  let y = p.y;
  for (let i = 0; i < 40; i++) {
    const hit = nodes.some((n) => {
      const s = size(n);
      return p.x < n.position.x + s.width && p.x + w > n.position.x && y < n.position.y + s.height && y + h > n.position.y;
    });
    if (!hit) break;
    y += 48;
  }
  return snapped({ x: p.x, y });
}

/**
 * Where a block added with the keyboard or a palette click goes when exactly
 * one node is selected: to its right, joined to its first output that leads
 * nowhere yet (none when every output is taken or it has none). Returns null
 * without a single selected node.
 */
export function afterSelection(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): { position: XYPosition; link?: NodeLink } | null {
  const selected = nodes.filter((n) => n.selected === true);
  const from = selected.length === 1 ? selected[0] : undefined;
  if (from === undefined) return null;
  const used = new Set(edges.filter((e) => e.source === from.id).map((e) => e.sourceHandle ?? 'out'));
  const free = outputsOf(from).find((h) => !used.has(h.id));
  const position = freeSpot({ x: from.position.x + size(from).width + gap, y: from.position.y }, nodes);
  return free === undefined ? { position } : { position, link: { source: from.id, sourceHandle: free.id } };
}

/** A box on screen, in pixels. */
export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * How far to pan the canvas (add to the viewport's x and y) so that a node
 * under a floating panel such as the minimap comes out beside or above it,
 * margin pixels clear, taking the shorter way; null when it is not covered.
 * A block dropped or added in the minimap's corner would otherwise land out
 * of sight (issue 14, finding 7).
 */
export function panClearOf(node: ScreenBox, cover: ScreenBox, margin = 16): { dx: number; dy: number } | null {
  const covered = node.left < cover.right && node.right > cover.left && node.top < cover.bottom && node.bottom > cover.top;
  if (!covered) return null;
  const left = node.right - cover.left + margin;
  const up = node.bottom - cover.top + margin;
  return left <= up ? { dx: -left, dy: 0 } : { dx: 0, dy: -up };
}
