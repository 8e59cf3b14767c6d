import { KeywordsEditor } from '../../inspector/fields/KeywordsEditor';
import { fieldError } from '../../inspector/fields/problems';
import type { InspectorProps } from '../shared/inspector';

/** Edits a start node's keywords. */
export function StartInspector({ node, update, problems }: InspectorProps<'start'>) {
  return (
    <KeywordsEditor
      keywords={node.data.keywords}
      onChange={(keywords) => update({ keywords })}
      error={fieldError(problems, 'keywords')}
    />
  );
}
