import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { languageName } from '../../../components/template/model';
import { findTemplate } from '../../../components/template/templateListStore';
import { useTemplateList } from '../../../components/template/templateList';
import type { FlowNodeOf } from '../../model';
import { catalogue } from '../catalogue';
import { NodeCard } from '../shared/NodeCard';
import styles from '../shared/NodeCard.module.css';
import { TemplateText } from '../shared/TemplateText';
import { filledBody } from './fill';

/** The template node on the canvas: which template, its body as filled by the node, and one row per quick reply. */
export const TemplateNode = memo(function TemplateNode({ id, data, selected }: NodeProps<FlowNodeOf<'template'>>) {
  const template = useTemplateList((s) => findTemplate(s.templates, data.template, data.language));
  return (
    <NodeCard
      id={id}
      type="template"
      selected={selected}
      outputs={catalogue.template.outputs(data)}
      outputLook="choice"
      subtitle={
        data.template === '' ? undefined : (
          <span>
            {data.template} · {languageName(data.language)}
          </span>
        )
      }
    >
      <div className={styles.text}>
        {data.template === '' ? (
          <span className={styles.faint}>No template chosen</span>
        ) : template === undefined ? (
          <span className={styles.faint}>{data.parameters.length > 0 ? data.parameters.join(' · ') : 'Not synced'}</span>
        ) : (
          <TemplateText text={filledBody(template, data.parameters)} empty="" />
        )}
      </div>
    </NodeCard>
  );
});
