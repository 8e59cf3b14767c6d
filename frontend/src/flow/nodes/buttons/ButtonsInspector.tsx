import { AttributeSelect } from '../../inspector/fields/AttributeSelect';
import { OptionsEditor } from '../../inspector/fields/OptionsEditor';
import { TemplateField } from '../../inspector/fields/TemplateField';
import { fieldError } from '../../inspector/fields/problems';
import { nodeLimits } from '../catalogue.gen';
import type { InspectorProps } from '../shared/inspector';

const limits = nodeLimits.buttons;

/** Edits a buttons node: the message, up to three buttons and where the choice is saved. */
export function ButtonsInspector({ node, update, problems }: InspectorProps<'buttons'>) {
  const d = node.data;
  return (
    <>
      <TemplateField
        label="Message"
        value={d.text}
        limit={limits.text}
        onChange={(text) => update({ text }, 'text')}
        error={fieldError(problems, 'text')}
      />
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
  );
}
