import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import { describeDelay } from './describeDelay';

/** The delay node on the canvas: how long it waits. */
export const DelayNode = memo(function DelayNode({ id, data, selected }: NodeProps<FlowNodeOf<'delay'>>) {
  return (
    <NodeCard id={id} type="delay" selected={selected} outputs={catalogue.delay.outputs(data)}>
      <span>{describeDelay(data.seconds)}</span>
    </NodeCard>
  );
});
