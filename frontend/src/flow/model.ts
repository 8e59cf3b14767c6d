import type { Edge, Node } from '@xyflow/react';
import { nodeTypeNames, type DataByType, type NodeType } from './nodes/catalogue.gen';

/**
 * The flow document as the editor holds it. It mirrors backend/flow (Go): a
 * node has an id, a type, a position and the data fields of its type; an edge
 * joins one output handle of its source to its target. The shapes here are the
 * bundle's (ARCHITECTURE.md 4.3), so a document goes to Flows.Save unchanged.
 */

// The node types, their data shapes and vocabularies are generated from Go's
// definitions (backend/flow/node_<type>.go) by `go generate ./...`.
export {
  mediaTypes,
  nodeTypeNames,
  validations,
  type ApiData,
  type ButtonsData,
  type ConditionData,
  type DataByType,
  type DelayData,
  type EndData,
  type HandoffData,
  type ListData,
  type MediaType,
  type MessageData,
  type NodeType,
  type Option,
  type QuestionData,
  type SetAttributeData,
  type StartData,
  type Validation,
} from './nodes/catalogue.gen';

/** Reports whether s names a node type of the design. */
export function isNodeType(s: string): s is NodeType {
  return (nodeTypeNames as readonly string[]).includes(s);
}

/** A React Flow node of one type. */
export type FlowNodeOf<T extends NodeType> = Node<DataByType[T], T>;

/** Any node of the editor's canvas. */
export type FlowNode = { [T in NodeType]: FlowNodeOf<T> }[NodeType];

/** An edge of the canvas; sourceHandle is the output it leaves from. */
export type FlowEdge = Edge;

/** One output handle of a node, with the words drawn beside it. */
export type OutputHandle = { id: string; label: string };

/** A node as the document stores it (Go's flow.Node). */
export type DocNode = {
  id: string;
  type: string;
  position: { x: number; y: number };
  data: Record<string, unknown>;
};

/** An edge as the document stores it (Go's flow.Edge). */
export type DocEdge = { id: string; source: string; sourceHandle: string; target: string };

/** A saved flow (Go's flow.Flow). */
export type FlowDoc = {
  id: number;
  name: string;
  published: boolean;
  version: number;
  nodes: DocNode[];
  edges: DocEdge[];
  updatedAt: string;
};

/** One finding of validation (Go's flow.Problem). */
export type Problem = {
  nodeId: string;
  edgeId?: string;
  field: string;
  message: string;
  severity: 'error' | 'warning';
};
