import type { DataByType, FlowNode, NodeType, OutputHandle } from '../model';
import type { NodeSpec } from './shared/spec';
import { apiSpec } from './api/spec';
import { buttonsSpec } from './buttons/spec';
import { conditionSpec } from './condition/spec';
import { delaySpec } from './delay/spec';
import { endSpec } from './end/spec';
import { handoffSpec } from './handoff/spec';
import { listSpec } from './list/spec';
import { messageSpec } from './message/spec';
import { questionSpec } from './question/spec';
import { setAttributeSpec } from './setAttribute/spec';
import { startSpec } from './start/spec';

/**
 * The catalogue of node types: one spec per type, mirroring Go's
 * flow.Catalogue and flow.Outputs. The mapped type makes the compiler insist
 * on an entry for every type. Components live in ./registry.ts.
 */
export const catalogue: { [T in NodeType]: NodeSpec<T> } = {
  start: startSpec,
  message: messageSpec,
  question: questionSpec,
  buttons: buttonsSpec,
  list: listSpec,
  condition: conditionSpec,
  setAttribute: setAttributeSpec,
  api: apiSpec,
  delay: delaySpec,
  handoff: handoffSpec,
  end: endSpec,
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
