import { TextField } from '../../../components/ui';
import { AttributeSelect } from '../../inspector/fields/AttributeSelect';
import { OptionsEditor } from '../../inspector/fields/OptionsEditor';
import { TemplateField } from '../../inspector/fields/TemplateField';
import { charCount, fieldError } from '../../inspector/fields/problems';
import type { InspectorProps } from '../shared/inspector';

/** Edits a list node: the message, the menu button, up to 10 rows and where the choice is saved. */
export function ListInspector({ node, update, problems }: InspectorProps<'list'>) {
  const d = node.data;
  return (
    <>
      <TemplateField
        label="Message"
        value={d.text}
        limit={1024}
        onChange={(text) => update({ text }, 'text')}
        error={fieldError(problems, 'text')}
      />
      <TextField
        label="Menu button"
        value={d.button}
        maxLength={40}
        hint={`${charCount(d.button)}/20 — the button that opens the list.`}
        onChange={(e) => update({ button: e.target.value }, 'button')}
        error={fieldError(problems, 'button')}
      />
      <OptionsEditor
        kind="row"
        options={d.rows}
        max={10}
        titleLimit={24}
        descriptionLimit={72}
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
  );
}
