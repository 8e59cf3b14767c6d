import { TemplateField } from '../../inspector/fields/TemplateField';
import { fieldError } from '../../inspector/fields/problems';
import { nodeLimits } from '../catalogue.gen';
import type { InspectorProps } from '../shared/inspector';

const limits = nodeLimits.end;

/** Edits the optional last message of an end node. */
export function EndInspector({ node, update, problems }: InspectorProps<'end'>) {
  return (
    <TemplateField
      label="Last message"
      value={node.data.text}
      limit={limits.text}
      placeholder="Thanks for writing, {{contact.name}}!"
      onChange={(text) => update({ text }, 'text')}
      hint="Optional. Type / to insert an attribute."
      error={fieldError(problems, 'text')}
    />
  );
}
