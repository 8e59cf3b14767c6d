import { ExpressionField } from '../../inspector/fields/ExpressionField';
import { fieldError } from '../../inspector/fields/problems';
import type { InspectorProps } from '../shared/inspector';

/** Edits a condition node's expression, checked live. */
export function ConditionInspector({ node, update, problems }: InspectorProps<'condition'>) {
  return (
    <ExpressionField
      label="Continue on True when"
      value={node.data.expression}
      onChange={(expression) => update({ expression }, 'expression')}
      placeholder="order_total > 100 && contact.name != ''"
      hint="Attributes by name; compare with == != < > and combine with && || !. Example: api.status == 200."
      error={fieldError(problems, 'expression')}
    />
  );
}
