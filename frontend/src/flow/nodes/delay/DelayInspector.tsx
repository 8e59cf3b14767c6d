import { TextField } from '../../../components/ui';
import { fieldError } from '../../inspector/fields/problems';
import { nodeLimits } from '../catalogue.gen';
import type { InspectorProps } from '../shared/inspector';
import { describeDelay } from './describeDelay';

const limits = nodeLimits.delay;

/** Edits how long a delay node waits. */
export function DelayInspector({ node, update, problems }: InspectorProps<'delay'>) {
  const seconds = node.data.seconds;
  return (
    <TextField
      label="Seconds"
      type="number"
      min={1}
      max={limits.seconds}
      value={String(seconds)}
      hint={`${describeDelay(seconds)} before the next message; other customers are not held up.`}
      onChange={(e) => update({ seconds: Math.trunc(Number(e.target.value) || 0) }, 'seconds')}
      error={fieldError(problems, 'seconds')}
    />
  );
}
