import { Timer } from 'lucide-react';
import type { NodeSpec } from '../shared/spec';
import { readNumber } from '../shared/read';

/** The delay node: waits before the next message is sent. */
export const delaySpec: NodeSpec<'delay'> = {
  type: 'delay',
  label: 'Delay',
  description: 'Waits a number of seconds before the next message is sent.',
  group: 'Logic',
  icon: Timer,
  hasInput: true,
  waitsForInput: false,
  defaults: () => ({ seconds: 2 }),
  normalize: (raw) => ({ seconds: readNumber(raw, 'seconds') }),
  outputs: () => [{ id: 'out', label: '' }],
};
