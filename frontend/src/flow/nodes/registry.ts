import type { NodeProps } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { FlowNode, NodeType } from '../model';
import { ApiInspector } from './api/ApiInspector';
import { ApiNode } from './api/ApiNode';
import { ButtonsInspector } from './buttons/ButtonsInspector';
import { ButtonsNode } from './buttons/ButtonsNode';
import { ConditionInspector } from './condition/ConditionInspector';
import { ConditionNode } from './condition/ConditionNode';
import { DelayInspector } from './delay/DelayInspector';
import { DelayNode } from './delay/DelayNode';
import { EndInspector } from './end/EndInspector';
import { EndNode } from './end/EndNode';
import { HandoffInspector } from './handoff/HandoffInspector';
import { HandoffNode } from './handoff/HandoffNode';
import { ListInspector } from './list/ListInspector';
import { ListNode } from './list/ListNode';
import { MessageInspector } from './message/MessageInspector';
import { MessageNode } from './message/MessageNode';
import { QuestionInspector } from './question/QuestionInspector';
import { QuestionNode } from './question/QuestionNode';
import type { InspectorProps } from './shared/inspector';
import { SetAttributeInspector } from './setAttribute/SetAttributeInspector';
import { SetAttributeNode } from './setAttribute/SetAttributeNode';
import { StartInspector } from './start/StartInspector';
import { StartNode } from './start/StartNode';
import { TemplateInspector } from './template/TemplateInspector';
import { TemplateNode } from './template/TemplateNode';

/** How the editor draws and edits one node type. */
export interface NodeView<T extends NodeType> {
  /** The canvas component (memoized). */
  node: ComponentType<NodeProps<Extract<FlowNode, { type: T }>>>;
  /** The inspector form. */
  inspector: ComponentType<InspectorProps<T>>;
}

/**
 * The editor's registry of node types, one folder each: the components Go's
 * definitions cannot give. Everything else about a type (palette entry,
 * defaults, outputs, limits) is generated from Go into ./catalogue.gen.ts and
 * read through ./catalogue.ts. See docs/architecture.md, "How to add a node type".
 */
export const registry: { [T in NodeType]: NodeView<T> } = {
  start: { node: StartNode, inspector: StartInspector },
  message: { node: MessageNode, inspector: MessageInspector },
  question: { node: QuestionNode, inspector: QuestionInspector },
  buttons: { node: ButtonsNode, inspector: ButtonsInspector },
  list: { node: ListNode, inspector: ListInspector },
  template: { node: TemplateNode, inspector: TemplateInspector },
  condition: { node: ConditionNode, inspector: ConditionInspector },
  setAttribute: { node: SetAttributeNode, inspector: SetAttributeInspector },
  api: { node: ApiNode, inspector: ApiInspector },
  delay: { node: DelayNode, inspector: DelayInspector },
  handoff: { node: HandoffNode, inspector: HandoffInspector },
  end: { node: EndNode, inspector: EndInspector },
};
