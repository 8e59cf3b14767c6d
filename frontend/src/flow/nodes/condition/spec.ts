import { GitBranch } from 'lucide-react';
import type { NodeSpec } from '../shared/spec';
import { readString } from '../shared/read';

/** The condition node: branches true/false on an expr-lang expression. */
export const conditionSpec: NodeSpec<'condition'> = {
  type: 'condition',
  label: 'Condition',
  description: 'Branches on an expression over attributes, such as order_total > 100.',
  group: 'Logic',
  icon: GitBranch,
  hasInput: true,
  waitsForInput: false,
  defaults: () => ({ expression: 'api.status == 200' }),
  normalize: (raw) => ({ expression: readString(raw, 'expression') }),
  outputs: () => [
    { id: 'true', label: 'True' },
    { id: 'false', label: 'False' },
  ],
};
