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
  const media = data.mediaUrl !== '' || data.mediaFile !== '';
  return (
    <NodeCard id={id} type="message" selected={selected} outputs={catalogue.message.outputs(data)}>
      {media && (
        <span className={styles.tag} title={data.mediaName}>
          <Paperclip size={11} /> {data.mediaType === '' ? 'media' : data.mediaType}
          {data.mediaFile !== '' && data.mediaName !== '' && `: ${data.mediaName}`}
        </span>
      )}
      <div className={styles.text}>
        <TemplateText text={data.text} empty={media ? 'No caption' : 'No text yet'} />
      </div>
    </NodeCard>
  );
});
