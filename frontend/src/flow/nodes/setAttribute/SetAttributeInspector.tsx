import { useState } from 'react';
import { Tabs } from '../../../components/ui';
import { AttributeSelect } from '../../inspector/fields/AttributeSelect';
import { ExpressionField } from '../../inspector/fields/ExpressionField';
import { TemplateField } from '../../inspector/fields/TemplateField';
import { fieldError } from '../../inspector/fields/problems';
import type { InspectorProps } from '../shared/inspector';

/** Edits a setAttribute node: the attribute and either a templated value or an expression. */
export function SetAttributeInspector({ node, update, problems }: InspectorProps<'setAttribute'>) {
  const d = node.data;
  const [mode, setMode] = useState(d.expression !== '' ? 'expression' : 'value');
  return (
    <>
      <AttributeSelect
        label="Attribute"
        value={d.attribute}
        onChange={(attribute) => update({ attribute })}
        placeholder="Choose an attribute…"
        error={fieldError(problems, 'attribute')}
      />
      <Tabs
        label="Set from"
        value={mode}
        onChange={(m) => {
          setMode(m);
          update(m === 'value' ? { expression: '' } : { value: '' });
        }}
        items={[
          { id: 'value', label: 'Text' },
          { id: 'expression', label: 'Expression' },
        ]}
      />
      {mode === 'value' ? (
        <TemplateField
          label="Value"
          value={d.value}
          rows={2}
          onChange={(value) => update({ value }, 'value')}
          placeholder="{{contact.name}}"
          error={fieldError(problems, 'value')}
        />
      ) : (
        <ExpressionField
          label="Expression"
          value={d.expression}
          onChange={(expression) => update({ expression }, 'expression')}
          placeholder="order_total * 1.2"
          error={fieldError(problems, 'expression')}
        />
      )}
    </>
  );
}
