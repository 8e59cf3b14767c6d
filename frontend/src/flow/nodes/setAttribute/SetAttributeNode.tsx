import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';
import { TemplateText } from '../shared/TemplateText';

/** The setAttribute node on the canvas: which attribute gets which value or expression. */
export const SetAttributeNode = memo(function SetAttributeNode({
  id,
  data,
  selected,
}: NodeProps<FlowNodeOf<'setAttribute'>>) {
  return (
    <NodeCard id={id} type="setAttribute" selected={selected} outputs={catalogue.setAttribute.outputs(data)}>
      {data.attribute === '' ? (
        <span className={styles.faint}>Choose an attribute</span>
      ) : (
        <div className={styles.text}>
          <span className={styles.pill}>{data.attribute}</span> ={' '}
          {data.expression !== '' ? (
            <code className={styles.mono}>{data.expression}</code>
          ) : (
            <TemplateText text={data.value} empty="(empty)" />
          )}
        </div>
      )}
    </NodeCard>
  );
});
