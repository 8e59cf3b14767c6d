import { TextField } from '../../../components/ui';
import { ChoiceRows } from '../../inspector/fields/ChoiceRows';
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
      <ChoiceRows
        kind="row"
        node={node}
        update={update}
        problems={problems}
        options={d.rows}
        onOptionsChange={(rows, key) => update({ rows }, key)}
        optionsField="rows"
        max={limits.rows}
        titleLimit={limits.rowTitle}
        descriptionLimit={limits.rowDescription}
        savedWhat="the chosen row"
      />
    </>
  );
}
