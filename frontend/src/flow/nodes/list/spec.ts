import { List } from 'lucide-react';
import type { NodeSpec } from '../shared/spec';
import { readOptions, readString } from '../shared/read';

/** The list node: up to 10 rows behind a menu button, one branch each. */
export const listSpec: NodeSpec<'list'> = {
  type: 'list',
  label: 'List',
  description: 'Offers up to 10 choices behind a list button; each row is its own branch.',
  group: 'Conversation',
  icon: List,
  hasInput: true,
  waitsForInput: true,
  defaults: () => ({
    text: 'Pick a topic',
    button: 'Topics',
    rows: [
      { id: 'r1', title: 'Orders', description: '' },
      { id: 'r2', title: 'Returns', description: '' },
    ],
    attribute: '',
  }),
  normalize: (raw) => ({
    text: readString(raw, 'text'),
    button: readString(raw, 'button'),
    rows: readOptions(raw, 'rows'),
    attribute: readString(raw, 'attribute'),
  }),
  outputs: (d) => d.rows.map((r) => ({ id: r.id, label: r.title.trim() || 'Untitled row' })),
};
