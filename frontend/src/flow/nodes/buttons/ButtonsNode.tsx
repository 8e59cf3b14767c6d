import type { NodeProps } from '@xyflow/react';
import { Rows3 } from 'lucide-react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';
import { TemplateText } from '../shared/TemplateText';

/** The buttons node on the canvas: the message and one tappable row (and handle) per button. */
export const ButtonsNode = memo(function ButtonsNode({ id, data, selected }: NodeProps<FlowNodeOf<'buttons'>>) {
  return (
    <NodeCard
      id={id}
      type="buttons"
      selected={selected}
      outputs={catalogue.buttons.outputs(data)}
      outputLook="choice"
      footer={
        data.attribute === '' ? undefined : (
          <span>
            Saves the {data.rowsFrom === '' ? 'choice' : 'chosen item'} to{' '}
            <span className={styles.pill}>{data.attribute}</span>
          </span>
        )
      }
    >
      <div className={styles.text}>
        <TemplateText text={data.text} empty="No message yet" />
      </div>
      {data.rowsFrom !== '' && (
        <span className={styles.tag}>
          <Rows3 size={11} /> One button per item of <span className={styles.pill}>{data.rowsFrom}</span>
        </span>
      )}
    </NodeCard>
  );
});
