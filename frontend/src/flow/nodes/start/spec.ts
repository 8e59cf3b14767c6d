import { Play } from 'lucide-react';
import type { NodeSpec } from '../shared/spec';
import { readStrings } from '../shared/read';

/** The start node: where a conversation begins, chosen by keywords. */
export const startSpec: NodeSpec<'start'> = {
  type: 'start',
  label: 'Start',
  description: 'Where a conversation begins. Keywords choose which first messages start it; none means any message.',
  group: 'Conversation',
  icon: Play,
  hasInput: false,
  waitsForInput: false,
  single: true,
  defaults: () => ({ keywords: [] }),
  normalize: (raw) => ({ keywords: readStrings(raw, 'keywords') }),
  outputs: () => [{ id: 'out', label: '' }],
};
