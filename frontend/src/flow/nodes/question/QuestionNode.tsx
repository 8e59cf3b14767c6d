import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';
import { TemplateText } from '../shared/TemplateText';

/** The question node on the canvas: the question, the answer check and where the answer goes. */
export const QuestionNode = memo(function QuestionNode({ id, data, selected }: NodeProps<FlowNodeOf<'question'>>) {
  return (
    <NodeCard
      id={id}
      type="question"
      selected={selected}
      outputs={catalogue.question.outputs(data)}
      footer={
        <>
          <span className={styles.tag}>{data.validation}</span>
          {data.attribute === '' ? (
            <span className={styles.faint}>Choose where to save the answer</span>
          ) : (
            <span>
              Saves to <span className={styles.pill}>{data.attribute}</span>
            </span>
          )}
        </>
      }
    >
      <div className={styles.text}>
        <TemplateText text={data.text} empty="No question yet" />
      </div>
    </NodeCard>
  );
});
