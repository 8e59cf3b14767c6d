import type { LucideIcon } from 'lucide-react';
import type { DataByType, NodeType, OutputHandle } from '../../model';

/** Where a node type sits in the palette. */
export type PaletteGroup = 'Conversation' | 'Logic' | 'Finish';

/**
 * What the editor knows about one node type without drawing it: the palette
 * entry, the data a new node starts with, how to read a stored node's data, and
 * which output handles a node has. It mirrors one entry of Go's flow.Catalogue
 * together with flow.Outputs.
 */
export interface NodeSpec<T extends NodeType> {
  type: T;
  label: string;
  /** One sentence for the palette tooltip. */
  description: string;
  group: PaletteGroup;
  icon: LucideIcon;
  /** False for the start node, which nothing leads into. */
  hasInput: boolean;
  /** True for nodes that pause until the customer answers. */
  waitsForInput: boolean;
  /** A flow has at most one node of this type (start). */
  single?: boolean;
  /** The data of a freshly dropped node. */
  defaults: () => DataByType[T];
  /** Reads stored data (Go omits empty fields) into a complete data object. */
  normalize: (raw: Record<string, unknown>) => DataByType[T];
  /** The output handles of a node with this data, in drawing order. */
  outputs: (data: DataByType[T]) => OutputHandle[];
}
