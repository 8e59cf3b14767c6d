import { toDocument } from './convert';
import type { FlowEdge, FlowNode } from './model';

/**
 * What customers get from a flow, as a string two flows share exactly when
 * they behave the same: node types, data and connections, in a fixed order.
 * Positions are left out (moving a card changes nothing for a customer), and
 * so is the order of nodes and edges.
 *
 * Why: the editor says "Changes not live" while the draft differs from the
 * published copy. Comparing save versions said so after typing a letter and
 * deleting it again (issue 14).
 */
export function behaviourKey(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): string {
  const doc = toDocument(nodes, edges);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return JSON.stringify({
    nodes: doc.nodes.map((n) => ({ id: n.id, type: n.type, data: n.data })).sort(byId),
    edges: doc.edges
      .map((e) => ({ id: `${e.source}\u0000${e.sourceHandle}\u0000${e.target}`, source: e.source, handle: e.sourceHandle, target: e.target }))
      .sort(byId)
      .map(({ source, handle, target }) => [source, handle, target]),
  });
}
