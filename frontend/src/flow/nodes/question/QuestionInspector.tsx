import { Select, TextField } from '../../../components/ui';
import { AttributeSelect } from '../../inspector/fields/AttributeSelect';
import { TemplateField } from '../../inspector/fields/TemplateField';
import { fieldError } from '../../inspector/fields/problems';
import type { Validation } from '../../model';
import { nodeLimits } from '../catalogue.gen';
import type { InspectorProps } from '../shared/inspector';

const validationOptions: { value: Validation; label: string }[] = [
  { value: 'text', label: 'Any text' },
  { value: 'number', label: 'A number' },
  { value: 'email', label: 'An email address' },
  { value: 'phone', label: 'A phone number' },
  { value: 'date', label: 'A date' },
  { value: 'regex', label: 'Matches a pattern' },
  { value: 'image', label: 'A photo' },
  { value: 'document', label: 'A document (PDF, Word, Excel…)' },
  { value: 'media', label: 'Any file (photo, document, audio, video)' },
];

const fileValidations: readonly Validation[] = ['image', 'document', 'media'];

const limits = nodeLimits.question;

/** Edits a question node: the question, the answer check, the retries and the attribute. */
export function QuestionInspector({ node, update, problems }: InspectorProps<'question'>) {
  const d = node.data;
  return (
    <>
      <TemplateField
        label="Question"
        value={d.text}
        limit={limits.text}
        onChange={(text) => update({ text }, 'text')}
        error={fieldError(problems, 'text')}
      />
      <AttributeSelect
        label="Save the answer in"
        value={d.attribute}
        onChange={(attribute) => update({ attribute })}
        placeholder="Choose an attribute…"
        error={fieldError(problems, 'attribute')}
      />
      <Select
        label="Accept"
        value={d.validation}
        onChange={(v) => update({ validation: v as Validation })}
        options={validationOptions}
        hint={
          fileValidations.includes(d.validation)
            ? 'The conversation waits for the file; the answer saved is where it is stored on this computer (like {{message.media.path}}).'
            : undefined
        }
        error={fieldError(problems, 'validation')}
      />
      {d.validation === 'regex' && (
        <TextField
          label="Pattern"
          mono
          value={d.pattern}
          placeholder="^[A-Z]{2}[0-9]{6}$"
          hint="A regular expression (Go syntax) the whole answer must match."
          onChange={(e) => update({ pattern: e.target.value }, 'pattern')}
          error={fieldError(problems, 'pattern')}
        />
      )}
      <TemplateField
        label="When the answer is not accepted"
        value={d.retryText}
        rows={2}
        limit={limits.retryText}
        onChange={(retryText) => update({ retryText }, 'retryText')}
        error={fieldError(problems, 'retryText')}
      />
      <TextField
        label="Retries"
        type="number"
        min={0}
        max={limits.maxRetries}
        value={String(d.maxRetries)}
        hint='After the last retry the conversation takes the "Invalid" branch.'
        onChange={(e) => update({ maxRetries: Math.trunc(Number(e.target.value) || 0) }, 'maxRetries')}
        error={fieldError(problems, 'maxRetries')}
      />
    </>
  );
}
