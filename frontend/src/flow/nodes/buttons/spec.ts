import { SquareMousePointer } from 'lucide-react';
import type { NodeSpec } from '../shared/spec';
import { readOptions, readString } from '../shared/read';

/** The buttons node: up to 3 reply buttons, one branch each. */
export const buttonsSpec: NodeSpec<'buttons'> = {
  type: 'buttons',
  label: 'Buttons',
  description: 'Offers up to 3 reply buttons; each button is its own branch.',
  group: 'Conversation',
  icon: SquareMousePointer,
  hasInput: true,
  waitsForInput: true,
  defaults: () => ({
    text: 'How can we help?',
    buttons: [
      { id: 'b1', title: 'Order status', description: '' },
      { id: 'b2', title: 'Talk to us', description: '' },
    ],
    attribute: '',
  }),
  normalize: (raw) => ({
    text: readString(raw, 'text'),
    buttons: readOptions(raw, 'buttons'),
    attribute: readString(raw, 'attribute'),
  }),
  outputs: (d) => d.buttons.map((b) => ({ id: b.id, label: b.title.trim() || 'Untitled button' })),
};
