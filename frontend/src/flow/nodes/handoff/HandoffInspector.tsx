import { TemplateField } from '../../inspector/fields/TemplateField';
import { fieldError } from '../../inspector/fields/problems';
import { nodeLimits } from '../catalogue.gen';
import type { InspectorProps } from '../shared/inspector';

const limits = nodeLimits.handoff;

/** Edits the message a handoff node sends before the bot pauses. */
export function HandoffInspector({ node, update, problems }: InspectorProps<'handoff'>) {
  return (
    <TemplateField
      label="Message"
      value={node.data.text}
      limit={limits.text}
      onChange={(text) => update({ text }, 'text')}
      hint="Sent before the bot pauses for this customer; resume it from Conversations."
      error={fieldError(problems, 'text')}
    />
  );
}
