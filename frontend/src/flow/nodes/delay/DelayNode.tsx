import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { NodeCard } from '../shared/NodeCard';
import { delaySpec, describeDelay } from './spec';

/** The delay node on the canvas: how long it waits. */
export const DelayNode = memo(function DelayNode({ id, data, selected }: NodeProps<FlowNodeOf<'delay'>>) {
  return (
    <NodeCard id={id} type="delay" selected={selected} outputs={delaySpec.outputs(data)}>
      <span>{describeDelay(data.seconds)}</span>
    </NodeCard>
  );
});
