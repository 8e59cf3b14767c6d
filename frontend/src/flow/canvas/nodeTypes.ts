import type { NodeTypes } from '@xyflow/react';
import { nodeTypeNames } from '../model';
import { registry } from '../nodes/registry';

/**
 * React Flow's node components by type, built once at module scope so React
 * Flow never sees a new object and never remounts the nodes.
 */
export const nodeTypes: NodeTypes = Object.fromEntries(nodeTypeNames.map((t) => [t, registry[t].node]));
