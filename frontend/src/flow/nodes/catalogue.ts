import {
  CircleStop,
  GitBranch,
  Headset,
  LayoutTemplate,
  List,
  MessageCircleQuestionMark,
  MessageSquareText,
  PencilLine,
  Play,
  Plug,
  SquareMousePointer,
  Timer,
  type LucideIcon,
} from 'lucide-react';
import type { FlowNode, OutputHandle } from '../model';
import { nodeDefs, nodeTypeNames, type DataByType, type NodeType } from './catalogue.gen';
import { buildOutputs, normalizeData } from './shared/rules';
import type { NodeSpec } from './shared/spec';

/**
 * The palette icon of each node type: the one thing about a type the editor
 * adds to Go's definition (catalogue.gen.ts). Components are in ./registry.ts.
 */
const icons: { [T in NodeType]: LucideIcon } = {
  start: Play,
  message: MessageSquareText,
  question: MessageCircleQuestionMark,
  buttons: SquareMousePointer,
  list: List,
  template: LayoutTemplate,
  condition: GitBranch,
  setAttribute: PencilLine,
  api: Plug,
  delay: Timer,
  handoff: Headset,
  end: CircleStop,
};

function specFor<T extends NodeType>(type: T): NodeSpec<T> {
  const def = nodeDefs[type];
  return {
    ...def,
    icon: icons[type],
    normalize: (raw) => normalizeData(def, raw),
    outputs: (data) => buildOutputs(def, data),
  };
}

/** The catalogue of node types: Go's definitions with their icons, one spec per type. */
export const catalogue = Object.fromEntries(nodeTypeNames.map((t) => [t, specFor(t)])) as {
  [T in NodeType]: NodeSpec<T>;
};

/** Returns the spec of a node type. */
export function specOf<T extends NodeType>(type: T): NodeSpec<T> {
  return catalogue[type];
}

/** Returns the output handles of a canvas node. */
export function outputsOf(node: FlowNode): OutputHandle[] {
  // The data matches the type, which TypeScript cannot see through the union.
  const spec = catalogue[node.type] as NodeSpec<NodeType>;
  return spec.outputs(node.data);
}

/** Returns the data of a new node of a type. */
export function defaultsOf<T extends NodeType>(type: T): DataByType[T] {
  return catalogue[type].defaults();
}
