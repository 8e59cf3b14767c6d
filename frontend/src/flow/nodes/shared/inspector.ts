import type { DataByType, FlowNodeOf, NodeType, Problem } from '../../model';

/** What the inspector form of a node type receives. */
export interface InspectorProps<T extends NodeType> {
  node: FlowNodeOf<T>;
  /**
   * Changes some data fields. key names the input being typed in, so that
   * typing is one undo step; leave it out for clicks and choices.
   */
  update: (patch: Partial<DataByType[T]>, key?: string) => void;
  /** The validation problems of this node. */
  problems: Problem[];
}
