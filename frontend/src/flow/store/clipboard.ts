import type { FlowEdge, FlowNode } from '../model';
import { edgeId, newNodeId } from './ids';

/** Copied nodes with the edges between them. */
export interface Clip {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** How far each paste moves from the copied nodes, so copies never hide the originals. */
export const pasteOffset = 40;

/** Copies the given nodes and the edges that join two of them. */
export function copy(nodes: readonly FlowNode[], edges: readonly FlowEdge[], ids: ReadonlySet<string>): Clip | null {
  const picked = nodes.filter((n) => ids.has(n.id));
  if (picked.length === 0) {
    return null;
  }
  return {
    nodes: structuredClone(picked.map(({ id, type, position, data }) => ({ id, type, position, data }) as FlowNode)),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map(({ id, source, sourceHandle, target }) => ({ id, source, sourceHandle, target })),
  };
}

/**
 * Makes the nodes and edges a paste adds: fresh ids, edges re-pointed to the
 * copies, positions moved by offset times pasteOffset, and the copies selected.
 * A clip holding a node of a single-instance type (start) that the flow
 * already has leaves that node out.
 */
export function paste(
  clip: Clip,
  existing: readonly FlowNode[],
  offset: number,
  isSingle: (type: string) => boolean,
): Clip {
  const used = new Set(existing.map((n) => n.id));
  const present = new Set(existing.map((n) => n.type));
  const idMap = new Map<string, string>();
  const nodes: FlowNode[] = [];
  for (const n of clip.nodes) {
    if (isSingle(n.type) && present.has(n.type)) {
      continue;
    }
    const id = newNodeId(n.type, used);
    used.add(id);
    idMap.set(n.id, id);
    nodes.push({
      ...structuredClone(n),
      id,
      selected: true,
      position: { x: n.position.x + offset * pasteOffset, y: n.position.y + offset * pasteOffset },
    });
  }
  const edges: FlowEdge[] = [];
  for (const e of clip.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (source !== undefined && target !== undefined) {
      const handle = e.sourceHandle ?? 'out';
      edges.push({ id: edgeId(source, handle, target), source, sourceHandle: handle, target });
    }
  }
  return { nodes, edges };
}
