import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';

/** The api node on the canvas: the API it calls and one branch per route plus "others". */
export const ApiNode = memo(function ApiNode({ id, data, selected }: NodeProps<FlowNodeOf<'api'>>) {
  return (
    <NodeCard
      id={id}
      type="api"
      selected={selected}
      outputs={catalogue.api.outputs(data)}
      subtitle={data.api === '' ? undefined : data.api}
    >
      {data.api === '' && <span className={styles.faint}>Choose an API to call</span>}
    </NodeCard>
  );
});
