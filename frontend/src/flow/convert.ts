import { catalogue } from './nodes/catalogue';
import {
  isNodeType,
  type DataByType,
  type DocEdge,
  type DocNode,
  type FlowDoc,
  type FlowEdge,
  type FlowNode,
  type NodeType,
} from './model';

/** The canvas form of a document: React Flow nodes and edges. */
export interface CanvasGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Node ids that were left out because their type is unknown to this editor. */
  skipped: string[];
}

/** Builds one canvas node from a stored node of a known type. */
function canvasNode<T extends NodeType>(type: T, n: DocNode): FlowNode {
  const data: DataByType[T] = catalogue[type].normalize(n.data ?? {});
  const x = Number.isFinite(n.position?.x) ? n.position.x : 0;
  const y = Number.isFinite(n.position?.y) ? n.position.y : 0;
  return { id: n.id, type, position: { x, y }, data } as FlowNode;
}

/**
 * Turns a stored document into canvas nodes and edges: node data is completed
 * with the fields Go omits, and an edge without a handle leaves from "out".
 */
export function toCanvas(doc: Pick<FlowDoc, 'nodes' | 'edges'>): CanvasGraph {
  const nodes: FlowNode[] = [];
  const skipped: string[] = [];
  for (const n of doc.nodes ?? []) {
    if (isNodeType(n.type)) {
      nodes.push(canvasNode(n.type, n));
    } else {
      skipped.push(n.id);
    }
  }
  const ids = new Set(nodes.map((n) => n.id));
  const edges: FlowEdge[] = (doc.edges ?? [])
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle || 'out', target: e.target }));
  return { nodes, edges, skipped };
}

/** Drops empty optional fields so a saved document reads like a hand-written bundle. */
function compactData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (v === '' || v === undefined || v === null) {
      continue;
    }
    if (Array.isArray(v)) {
      out[k] = v.map((item: unknown) =>
        typeof item === 'object' && item !== null ? compactData(item as Record<string, unknown>) : item,
      );
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** Turns canvas nodes and edges back into the stored document's nodes and edges. */
export function toDocument(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Pick<FlowDoc, 'nodes' | 'edges'> {
  return {
    nodes: nodes.map(
      (n): DocNode => ({
        id: n.id,
        type: n.type,
        position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
        data: compactData(n.data),
      }),
    ),
    edges: edges.map(
      (e): DocEdge => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle ?? 'out', target: e.target }),
    ),
  };
}
