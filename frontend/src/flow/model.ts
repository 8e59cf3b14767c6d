import type { Edge, Node } from '@xyflow/react';

/**
 * The flow document as the editor holds it. It mirrors backend/flow (Go): a
 * node has an id, a type, a position and the data fields of its type; an edge
 * joins one output handle of its source to its target. The shapes here are the
 * bundle's (ARCHITECTURE.md 4.3), so a document goes to Flows.Save unchanged.
 */

/** Every node type of the design, in palette order. */
export const nodeTypeNames = [
  'start',
  'message',
  'question',
  'buttons',
  'list',
  'condition',
  'setAttribute',
  'api',
  'delay',
  'handoff',
  'end',
] as const;

/** The type of a node, such as "buttons". */
export type NodeType = (typeof nodeTypeNames)[number];

/** Reports whether s names a node type of the design. */
export function isNodeType(s: string): s is NodeType {
  return (nodeTypeNames as readonly string[]).includes(s);
}

/** The fixed output handles; buttons, lists and API nodes add one per option or route. */
export const Handles = {
  out: 'out',
  invalid: 'invalid',
  true: 'true',
  false: 'false',
  others: 'others',
} as const;

/** One button or list row: its id is the WhatsApp reply id and the node's output handle. */
export type Option = { id: string; title: string; description: string };

/** The kinds of answer a question accepts. */
export const validations = ['text', 'number', 'email', 'phone', 'date', 'regex', 'image', 'document', 'media'] as const;

/** A question's answer check. */
export type Validation = (typeof validations)[number];

/** The media kinds a message node can send. */
export const mediaTypes = ['image', 'video', 'audio', 'document'] as const;

/** Settings of a start node. */
export type StartData = { keywords: string[] };
/** Settings of a message node. */
export type MessageData = { text: string; mediaUrl: string; mediaType: string };
/** Settings of a question node. */
export type QuestionData = {
  text: string;
  attribute: string;
  validation: Validation;
  pattern: string;
  retryText: string;
  maxRetries: number;
};
/** Settings of a buttons node. */
export type ButtonsData = { text: string; buttons: Option[]; attribute: string };
/** Settings of a list node. */
export type ListData = { text: string; button: string; rows: Option[]; attribute: string };
/** Settings of a condition node. */
export type ConditionData = { expression: string };
/** Settings of a setAttribute node: either value (a template) or expression is used. */
export type SetAttributeData = { attribute: string; value: string; expression: string };
/** Settings of an api node: the saved API's name and the routes it branches on. */
export type ApiData = { api: string; routes: string[] };
/** Settings of a delay node. */
export type DelayData = { seconds: number };
/** Settings of a handoff node. */
export type HandoffData = { text: string };
/** Settings of an end node. */
export type EndData = { text: string };

/** The data shape of each node type. */
export type DataByType = {
  start: StartData;
  message: MessageData;
  question: QuestionData;
  buttons: ButtonsData;
  list: ListData;
  condition: ConditionData;
  setAttribute: SetAttributeData;
  api: ApiData;
  delay: DelayData;
  handoff: HandoffData;
  end: EndData;
};

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
