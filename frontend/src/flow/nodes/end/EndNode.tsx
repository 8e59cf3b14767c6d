import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';
import { TemplateText } from '../shared/TemplateText';

/** The end node on the canvas: the last message, if any. */
export const EndNode = memo(function EndNode({ id, data, selected }: NodeProps<FlowNodeOf<'end'>>) {
  return (
    <NodeCard id={id} type="end" selected={selected} outputs={catalogue.end.outputs(data)}>
      <div className={styles.text}>
        <TemplateText text={data.text} empty="Ends the conversation" />
      </div>
    </NodeCard>
  );
});
