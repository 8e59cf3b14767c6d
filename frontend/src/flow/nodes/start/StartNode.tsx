import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';

/** The start node on the canvas: its keywords, or that any first message starts it. */
export const StartNode = memo(function StartNode({ id, data, selected }: NodeProps<FlowNodeOf<'start'>>) {
  return (
    <NodeCard id={id} type="start" selected={selected} outputs={catalogue.start.outputs(data)}>
      {data.keywords.length === 0 ? (
        <span className={styles.faint}>Any first message starts the conversation</span>
      ) : (
        <div className={styles.tags}>
          {data.keywords.map((k, i) => (
            <span key={i} className={styles.tag}>
              {k}
            </span>
          ))}
        </div>
      )}
    </NodeCard>
  );
});
