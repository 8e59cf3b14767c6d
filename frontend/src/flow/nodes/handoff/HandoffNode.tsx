import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';
import { TemplateText } from '../shared/TemplateText';

/** The handoff node on the canvas: its message and that the bot pauses. */
export const HandoffNode = memo(function HandoffNode({ id, data, selected }: NodeProps<FlowNodeOf<'handoff'>>) {
  return (
    <NodeCard
      id={id}
      type="handoff"
      selected={selected}
      outputs={catalogue.handoff.outputs(data)}
      footer={<span>The bot pauses until someone resumes it in Conversations</span>}
    >
      <div className={styles.text}>
        <TemplateText text={data.text} empty="No message" />
      </div>
    </NodeCard>
  );
});
