import type { LucideIcon } from 'lucide-react';
import type { DataByType, NodeType } from '../catalogue.gen';
import type { OutputHandle } from '../../model';
import type { NodeDef } from './def';

/**
 * What the editor knows about one node type without drawing it: Go's
 * definition (generated, see def.ts) with the palette icon, the reader of
 * stored data and the outputs of a node with given data.
 */
export interface NodeSpec<T extends NodeType> extends NodeDef<T> {
  icon: LucideIcon;
  /** Reads stored data (Go omits empty fields) into a complete data object. */
  normalize: (raw: Record<string, unknown>) => DataByType[T];
  /** The output handles of a node with this data, in drawing order. */
  outputs: (data: DataByType[T]) => OutputHandle[];
}
