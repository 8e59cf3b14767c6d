import { ChoiceRows } from '../../inspector/fields/ChoiceRows';
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
  return (
    <>
      <TemplateField
        label="Message"
        value={d.text}
        limit={limits.text}
        onChange={(text) => update({ text }, 'text')}
        error={fieldError(problems, 'text')}
      />
      <ChoiceRows
        kind="button"
        node={node}
        update={update}
        problems={problems}
        options={d.buttons}
        onOptionsChange={(buttons, key) => update({ buttons }, key)}
        optionsField="buttons"
        max={limits.buttons}
        titleLimit={limits.buttonTitle}
        savedWhat="the tapped button"
      />
    </>
  );
}
