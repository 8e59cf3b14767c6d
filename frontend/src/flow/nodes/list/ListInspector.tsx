import { useState } from 'react';
import { TextField } from '../../../components/ui';
import { AttributeSelect } from '../../inspector/fields/AttributeSelect';
import { DynamicRows } from '../../inspector/fields/DynamicRows';
import { OptionsEditor } from '../../inspector/fields/OptionsEditor';
import { RowsMode } from '../../inspector/fields/RowsMode';
import { TemplateField } from '../../inspector/fields/TemplateField';
import { charCount, fieldError } from '../../inspector/fields/problems';
import { nodeLimits } from '../catalogue.gen';
import type { InspectorProps } from '../shared/inspector';

const limits = nodeLimits.list;

/**
 * Edits a list node: the message, the menu button, and either up to ten
 * rows written here or one row per item of a list attribute, and where the
 * choice is saved.
 */
export function ListInspector({ node, update, problems }: InspectorProps<'list'>) {
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
      <TextField
        label="Menu button"
        value={d.button}
        maxLength={limits.button * 2}
        hint={`${charCount(d.button)}/${limits.button} — the button that opens the list.`}
        onChange={(e) => update({ button: e.target.value }, 'button')}
        error={fieldError(problems, 'button')}
      />
      <RowsMode
        kind="row"
        fromList={fromList}
        onChange={(next) => {
          setFromList(next);
          if (!next) update({ rowsFrom: '' });
        }}
      />
      {fromList ? (
        <DynamicRows node={node} update={update} problems={problems} titleLimit={limits.rowTitle} />
      ) : (
        <>
          <OptionsEditor
            kind="row"
            options={d.rows}
            max={limits.rows}
            titleLimit={limits.rowTitle}
            descriptionLimit={limits.rowDescription}
            onChange={(rows, key) => update({ rows }, key)}
            error={fieldError(problems, 'rows')}
          />
          <AttributeSelect
            label="Save the choice in"
            optional
            value={d.attribute}
            onChange={(attribute) => update({ attribute })}
            placeholder="Don't save the choice"
            hint="Optional: stores the title of the chosen row."
            error={fieldError(problems, 'attribute')}
          />
        </>
      )}
    </>
  );
}
