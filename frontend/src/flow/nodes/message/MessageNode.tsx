import type { NodeProps } from '@xyflow/react';
import { Paperclip } from 'lucide-react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';
import { TemplateText } from '../shared/TemplateText';

/** The message node on the canvas: its text and any attached media. */
export const MessageNode = memo(function MessageNode({ id, data, selected }: NodeProps<FlowNodeOf<'message'>>) {
  return (
    <NodeCard id={id} type="message" selected={selected} outputs={catalogue.message.outputs(data)}>
      {data.mediaUrl !== '' && (
        <span className={styles.tag}>
          <Paperclip size={11} /> {data.mediaType === '' ? 'media' : data.mediaType}
        </span>
      )}
      <div className={styles.text}>
        <TemplateText text={data.text} empty={data.mediaUrl === '' ? 'No text yet' : 'No caption'} />
      </div>
    </NodeCard>
  );
});
