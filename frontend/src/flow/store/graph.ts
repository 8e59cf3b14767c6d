import type { Connection } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../model';
import { catalogue, outputsOf } from '../nodes/catalogue';
import { edgeId } from './ids';

/**
 * Pure operations on the canvas graph. They never modify their arguments and
 * keep the rules of the document: one edge per output handle, and edges only
 * from handles a node has.
 */

/**
 * Adds the edge of a connection. An output leads to one node only, so an
 * edge already leaving the same handle is replaced.
 */
export function connect(edges: readonly FlowEdge[], c: Connection): FlowEdge[] {
  const handle = c.sourceHandle ?? 'out';
  const kept = edges.filter((e) => !(e.source === c.source && (e.sourceHandle ?? 'out') === handle));
  return [...kept, { id: edgeId(c.source, handle, c.target), source: c.source, sourceHandle: handle, target: c.target }];
}

/**
 * Where a new node joins the graph: from an output of an existing node (the
 * new node is its target), or into an existing node's input (the new node's
 * first output leads there).
 */
export type NodeLink = { source: string; sourceHandle: string | null } | { target: string };

/**
 * The connection that joins a new node to the graph by link, or null when the
 * two cannot be joined: the new node has no input (start) or no output (end),
 * or the node named by link is gone or cannot take the edge.
 */
export function linkEdge(added: FlowNode, link: NodeLink, nodes: readonly FlowNode[]): Connection | null {
  if ('source' in link) {
    const from = nodes.find((n) => n.id === link.source);
    const handle = link.sourceHandle ?? outputsOf(from ?? added)[0]?.id ?? 'out';
    if (from === undefined || !catalogue[added.type].hasInput || !outputsOf(from).some((h) => h.id === handle)) {
      return null;
    }
    return { source: from.id, sourceHandle: handle, target: added.id, targetHandle: null };
  }
  const to = nodes.find((n) => n.id === link.target);
  const out = outputsOf(added)[0];
  if (to === undefined || out === undefined || !catalogue[to.type].hasInput) {
    return null;
  }
  return { source: added.id, sourceHandle: out.id, target: to.id, targetHandle: null };
}

/** Drops edges whose source handle the node no longer has (a removed button or route). */
export function pruneEdges(node: FlowNode, edges: readonly FlowEdge[]): FlowEdge[] {
  const handles = new Set(outputsOf(node).map((h) => h.id));
  const kept = edges.filter((e) => e.source !== node.id || handles.has(e.sourceHandle ?? 'out'));
  return kept.length === edges.length ? (edges as FlowEdge[]) : kept;
}

/** Removes the given nodes and every edge touching them. */
export function removeNodes(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  ids: ReadonlySet<string>,
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  return {
    nodes: nodes.filter((n) => !ids.has(n.id)),
    edges: edges.filter((e) => !ids.has(e.source) && !ids.has(e.target)),
  };
}

/** Returns the ids of the nodes reachable from start, following edges. */
export function reachable(startId: string, edges: readonly FlowEdge[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  }
  const seen = new Set([startId]);
  const queue = [startId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const t of next.get(id) ?? []) {
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return seen;
}
