import type { XYPosition } from '@xyflow/react';

/** What the layout needs to know about a node. */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** True for the start node, which goes first. */
  isStart?: boolean;
  /** The node's output handles in drawing order, so children follow their branch order. */
  handles?: readonly string[];
}

/** What the layout needs to know about an edge. */
export interface LayoutEdge {
  source: string;
  sourceHandle?: string | null;
  target: string;
}

/** Gaps between columns and between nodes of a column, in canvas pixels. */
export const layoutGap = { x: 72, y: 40 };

/**
 * Ranks the nodes by breadth-first search from the start node (then from any
 * node nothing leads to, then from whatever is left, so cycles and islands are
 * placed too). Children are visited in the order of their source handles.
 */
export function rankNodes(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, LayoutEdge[]>();
  const hasInput = new Set<string>();
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) {
      continue;
    }
    out.set(e.source, [...(out.get(e.source) ?? []), e]);
    if (e.source !== e.target) {
      hasInput.add(e.target);
    }
  }
  const handleIndex = (e: LayoutEdge) => {
    const handles = byId.get(e.source)?.handles ?? [];
    const i = handles.indexOf(e.sourceHandle ?? 'out');
    return i < 0 ? handles.length : i;
  };
  for (const list of out.values()) {
    list.sort((a, b) => handleIndex(a) - handleIndex(b));
  }
  const rank = new Map<string, number>();
  const roots = [
    ...nodes.filter((n) => n.isStart === true),
    ...nodes.filter((n) => n.isStart !== true && !hasInput.has(n.id)),
    ...nodes,
  ];
  for (const root of roots) {
    if (rank.has(root.id)) {
      continue;
    }
    rank.set(root.id, 0);
    const queue = [root.id];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      const r = rank.get(id) as number;
      for (const e of out.get(id) ?? []) {
        if (!rank.has(e.target)) {
          rank.set(e.target, r + 1);
          queue.push(e.target);
        }
      }
    }
  }
  return rank;
}

/**
 * Places nodes in columns by rank, left to right. Within a column each node
 * aims at the height of the handles that lead to it, nodes are pushed apart so
 * none overlap, and the column is shifted to sit around its aims. Returns the
 * top-left position of every node.
 */
export function autoLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, XYPosition> {
  const rank = rankNodes(nodes, edges);
  const columns: LayoutNode[][] = [];
  for (const n of nodes) {
    (columns[rank.get(n.id) ?? 0] ??= []).push(n);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pos = new Map<string, XYPosition>();
  let x = 0;
  for (const column of columns) {
    if (column === undefined) {
      continue;
    }
    const aims = column.map((n, i) => ({ node: n, aim: aimOf(n, edges, byId, pos) ?? i * 1000, order: i }));
    aims.sort((a, b) => a.aim - b.aim || a.order - b.order);
    let bottom = -Infinity;
    let drift = 0;
    const placed: { id: string; y: number }[] = [];
    for (const { node, aim } of aims) {
      const y = Math.max(aim - node.height / 2, bottom + layoutGap.y);
      drift += y - (aim - node.height / 2);
      placed.push({ id: node.id, y });
      bottom = y + node.height;
    }
    const shift = aims.length > 0 ? drift / aims.length : 0;
    for (const p of placed) {
      pos.set(p.id, { x: Math.round(x), y: Math.round(p.y - shift) });
    }
    x += Math.max(...column.map((n) => n.width)) + layoutGap.x;
  }
  return pos;
}

/** The mean height of the placed handles leading to n, or undefined for a root. */
function aimOf(
  n: LayoutNode,
  edges: readonly LayoutEdge[],
  byId: ReadonlyMap<string, LayoutNode>,
  pos: ReadonlyMap<string, XYPosition>,
): number | undefined {
  let sum = 0;
  let count = 0;
  for (const e of edges) {
    const p = pos.get(e.source);
    const src = byId.get(e.source);
    if (e.target !== n.id || p === undefined || src === undefined) {
      continue;
    }
    const handles = src.handles ?? ['out'];
    const i = Math.max(0, handles.indexOf(e.sourceHandle ?? 'out'));
    sum += p.y + (src.height * (i + 1)) / (handles.length + 1);
    count++;
  }
  return count === 0 ? undefined : sum / count;
}
