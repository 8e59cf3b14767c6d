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

/** Says a delay in words: "Wait 1 second", "Wait 2 minutes". */
export function describeDelay(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds >= 3600 && seconds % 3600 === 0) return `Wait ${plural(seconds / 3600, 'hour')}`;
  if (seconds >= 60 && seconds % 60 === 0) return `Wait ${plural(seconds / 60, 'minute')}`;
  return `Wait ${plural(seconds, 'second')}`;
}
