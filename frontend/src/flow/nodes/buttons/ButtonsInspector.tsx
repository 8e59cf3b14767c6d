import { useState } from 'react';
import { AttributeSelect } from '../../inspector/fields/AttributeSelect';
import { DynamicRows } from '../../inspector/fields/DynamicRows';
import { OptionsEditor } from '../../inspector/fields/OptionsEditor';
import { RowsMode } from '../../inspector/fields/RowsMode';
import { TemplateField } from '../../inspector/fields/TemplateField';
import { fieldError } from '../../inspector/fields/problems';
import { nodeLimits } from '../catalogue.gen';
import type { InspectorProps } from '../shared/inspector';

const limits = nodeLimits.buttons;

/**
 * Edits a buttons node: the message, and either up to three buttons written
 * here or one button per item of a list attribute (paged by three), and
 * where the choice is saved.
 */
export function ButtonsInspector({ node, update, problems }: InspectorProps<'buttons'>) {
  const d = node.data;
  // The choice stays while no list is picked yet (rowsFrom is still empty).
  const [fromList, setFromList] = useState(d.rowsFrom !== '');
  return (
    <>
      <TemplateField
        label="Message"
        value={d.text}
        limit={limits.text}
        onChange={(text) => update({ text }, 'text')}
        error={fieldError(problems, 'text')}
      />
      <RowsMode
        kind="button"
        fromList={fromList}
        onChange={(next) => {
          setFromList(next);
          if (!next) update({ rowsFrom: '' });
        }}
      />
      {fromList ? (
        <DynamicRows node={node} update={update} problems={problems} titleLimit={limits.buttonTitle} />
      ) : (
        <>
          <OptionsEditor
            kind="button"
            options={d.buttons}
            max={limits.buttons}
            titleLimit={limits.buttonTitle}
            onChange={(buttons, key) => update({ buttons }, key)}
            error={fieldError(problems, 'buttons')}
          />
          <AttributeSelect
            label="Save the choice in"
            optional
            value={d.attribute}
            onChange={(attribute) => update({ attribute })}
            placeholder="Don't save the choice"
            hint="Optional: stores the title of the tapped button."
            error={fieldError(problems, 'attribute')}
          />
        </>
      )}
    </>
  );
}
