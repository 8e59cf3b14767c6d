import { useState } from 'react';
import { Select } from '../../../components/ui';
import { TemplateField } from '../../inspector/fields/TemplateField';
import { fieldError } from '../../inspector/fields/problems';
import { mediaTypes } from '../../model';
import { nodeLimits } from '../catalogue.gen';
import type { InspectorProps } from '../shared/inspector';
import { AttachmentField } from './AttachmentField';

const mediaOptions = mediaTypes.map((t) => ({ value: t, label: t[0]?.toUpperCase() + t.slice(1) }));

const sourceOptions = [
  { value: 'file', label: 'A file from this computer' },
  { value: 'link', label: 'A public address (link)' },
];

const limits = nodeLimits.message;

/** Edits a message node: its text, or media (an attached file or a link) with a caption. */
export function MessageInspector({ node, update, problems }: InspectorProps<'message'>) {
  const d = node.data;
  const media = d.mediaType !== '' || d.mediaUrl !== '' || d.mediaFile !== '';
  // The stored data says where the media comes from once it has a file or a
  // link; until then the choice is remembered here, for this node only.
  const [choice, setChoice] = useState<{ node: string; source: string } | null>(null);
  const stored = d.mediaFile !== '' ? 'file' : d.mediaUrl !== '' ? 'link' : '';
  const source = stored !== '' ? stored : choice?.node === node.id ? choice.source : 'file';
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
        <Select
          label="From"
          value={source}
          onChange={(v) => {
            setChoice({ node: node.id, source: v });
            update(v === 'link' ? { mediaFile: '', mediaName: '' } : { mediaUrl: '' });
          }}
          options={sourceOptions}
        />
      )}
      {media && source === 'file' && (
        <AttachmentField
          kind={d.mediaType === '' ? 'document' : d.mediaType}
          file={d.mediaFile}
          name={d.mediaName}
          onAttach={(mediaFile, mediaName) => update({ mediaFile, mediaName, mediaUrl: '' })}
          onRemove={() => update({ mediaFile: '', mediaName: '' })}
          error={fieldError(problems, 'mediaFile') ?? fieldError(problems, 'mediaUrl')}
        />
      )}
      {media && source === 'link' && (
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
