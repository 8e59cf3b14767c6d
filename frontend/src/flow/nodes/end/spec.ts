import { CircleStop } from 'lucide-react';
import type { NodeSpec } from '../shared/spec';
import { readString } from '../shared/read';

/** The end node: finishes the conversation, optionally with a last message. */
export const endSpec: NodeSpec<'end'> = {
  type: 'end',
  label: 'End',
  description: 'Ends the conversation, optionally with a last message.',
  group: 'Finish',
  icon: CircleStop,
  hasInput: true,
  waitsForInput: false,
  defaults: () => ({ text: '' }),
  normalize: (raw) => ({ text: readString(raw, 'text') }),
  outputs: () => [],
};
