import { PencilLine } from 'lucide-react';
import type { NodeSpec } from '../shared/spec';
import { readString } from '../shared/read';

/** The setAttribute node: stores a templated value or an expression's result. */
export const setAttributeSpec: NodeSpec<'setAttribute'> = {
  type: 'setAttribute',
  label: 'Set attribute',
  description: 'Stores a value (a text with {{placeholders}}) or the result of an expression in an attribute.',
  group: 'Logic',
  icon: PencilLine,
  hasInput: true,
  waitsForInput: false,
  defaults: () => ({ attribute: '', value: '', expression: '' }),
  normalize: (raw) => ({
    attribute: readString(raw, 'attribute'),
    value: readString(raw, 'value'),
    expression: readString(raw, 'expression'),
  }),
  outputs: () => [{ id: 'out', label: '' }],
};
