import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';

/** The condition node on the canvas: its expression and the true/false branches. */
export const ConditionNode = memo(function ConditionNode({ id, data, selected }: NodeProps<FlowNodeOf<'condition'>>) {
  return (
    <NodeCard id={id} type="condition" selected={selected} outputs={catalogue.condition.outputs(data)}>
      {data.expression.trim() === '' ? (
        <span className={styles.faint}>No expression yet</span>
      ) : (
        <code className={styles.mono}>{data.expression}</code>
      )}
    </NodeCard>
  );
});
