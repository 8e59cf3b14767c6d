import { AttributeSelect } from '../../inspector/fields/AttributeSelect';
import { OptionsEditor } from '../../inspector/fields/OptionsEditor';
import { TemplateField } from '../../inspector/fields/TemplateField';
import { fieldError } from '../../inspector/fields/problems';
import type { InspectorProps } from '../shared/inspector';

/** Edits a buttons node: the message, up to 3 buttons and where the choice is saved. */
export function ButtonsInspector({ node, update, problems }: InspectorProps<'buttons'>) {
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
      <OptionsEditor
        kind="button"
        options={d.buttons}
        max={3}
        titleLimit={20}
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
  );
}
