import { Select } from '../../../components/ui';
import { TemplateField } from '../../inspector/fields/TemplateField';
import { fieldError } from '../../inspector/fields/problems';
import { mediaTypes } from '../../model';
import { nodeLimits } from '../catalogue.gen';
import type { InspectorProps } from '../shared/inspector';

const mediaOptions = mediaTypes.map((t) => ({ value: t, label: t[0]?.toUpperCase() + t.slice(1) }));

const limits = nodeLimits.message;

/** Edits a message node: its text, or media with a caption. */
export function MessageInspector({ node, update, problems }: InspectorProps<'message'>) {
  const d = node.data;
  const media = d.mediaType !== '' || d.mediaUrl !== '' || d.mediaFile !== '';
  return (
    <>
      <Select
        label="Sends"
        value={d.mediaType}
        onChange={(mediaType) => update(mediaType === '' ? { mediaType, mediaUrl: '', mediaFile: '', mediaName: '' } : { mediaType })}
        options={[{ value: '', label: 'Text only' }, ...mediaOptions]}
        error={fieldError(problems, 'mediaType')}
      />
      {media && (
        <TemplateField
          label="Media address"
          singleLine
          mono
          value={d.mediaUrl}
          onChange={(mediaUrl) => update({ mediaUrl }, 'mediaUrl')}
          placeholder="https://shop.example/catalogue.pdf"
          hint="A public https:// address WhatsApp can download."
          error={fieldError(problems, 'mediaUrl')}
        />
      )}
      <TemplateField
        label={media ? 'Caption' : 'Text'}
        value={d.text}
        rows={5}
        limit={media ? limits.caption : limits.text}
        onChange={(text) => update({ text }, 'text')}
        placeholder="Hello {{contact.name}}!"
        error={fieldError(problems, 'text')}
      />
    </>
  );
}
