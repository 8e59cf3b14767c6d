import type { NodeProps } from '@xyflow/react';
import { Menu, Rows3 } from 'lucide-react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';
import { TemplateText } from '../shared/TemplateText';

/** The list node on the canvas: the message, the menu button and one row (and handle) per choice. */
export const ListNode = memo(function ListNode({ id, data, selected }: NodeProps<FlowNodeOf<'list'>>) {
  return (
    <NodeCard
      id={id}
      type="list"
      selected={selected}
      outputs={catalogue.list.outputs(data)}
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
      <span className={styles.tag}>
        <Menu size={11} /> {data.button === '' ? 'Menu' : data.button}
      </span>
      {data.rowsFrom !== '' && (
        <span className={styles.tag}>
          <Rows3 size={11} /> One row per item of <span className={styles.pill}>{data.rowsFrom}</span>
        </span>
      )}
    </NodeCard>
  );
});
