import { FileText, Image, Music, Paperclip, Video } from 'lucide-react';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { mediaHref } from '../../../components/media';
import { Button, Field } from '../../../components/ui';
import { uploadAttachment } from '../../../lib/media';
import styles from './AttachmentField.module.css';

/** What the file picker offers per kind: WhatsApp's types (the backend checks the bytes). */
const accepts: Record<string, string> = {
  image: 'image/jpeg,image/png,.jpg,.jpeg,.png',
  video: 'video/mp4,video/3gpp,.mp4,.3gp',
  audio: 'audio/aac,audio/amr,audio/mpeg,audio/mp4,audio/ogg,.aac,.amr,.mp3,.m4a,.ogg',
  document: '.pdf,.txt,.doc,.docx,.xls,.xlsx,.ppt,.pptx,application/pdf,text/plain',
};

const icons = { image: Image, video: Video, audio: Music, document: FileText } as const;

/** Props of AttachmentField. */
export interface AttachmentFieldProps {
  kind: string;
  /** The stored file's key and name ('' when none is attached). */
  file: string;
  name: string;
  onAttach: (file: string, name: string) => void;
  onRemove: () => void;
  error?: string;
}

/**
 * Attaches a file from this computer to a message node: it is copied into
 * the data folder (checked against what WhatsApp accepts for the kind), and
 * the bot uploads it to WhatsApp once and sends it by id.
 */
export function AttachmentField({ kind, file, name, onAttach, onRemove, error }: AttachmentFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const Icon = icons[kind as keyof typeof icons] ?? Paperclip;

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    e.target.value = '';
    if (chosen === undefined) return;
    setBusy(true);
    setProblem('');
    try {
      const stored = await uploadAttachment(chosen, chosen.name, kind);
      onAttach(stored.key, stored.name);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const shown = problem !== '' ? problem : error;
  return (
    <Field
      id={id}
      label="File"
      error={shown}
      hint="Copied into the app's data folder; WhatsApp receives it once and the bot sends it by id."
    >
      <input
        ref={input}
        id={id}
        type="file"
        accept={accepts[kind] ?? ''}
        className={styles.input}
        onChange={(e) => void choose(e)}
        data-testid="attachment-input"
      />
      {file === '' ? (
        <Button size="sm" variant="secondary" icon={<Paperclip size={14} />} loading={busy} onClick={() => input.current?.click()}>
          Choose a file…
        </Button>
      ) : (
        <div className={styles.attached} data-testid="attached-file">
          {kind === 'image' ? (
            <img className={styles.thumb} src={mediaHref(file, name)} alt="" />
          ) : (
            <span className={styles.icon}>
              <Icon size={16} aria-hidden="true" />
            </span>
          )}
          <span className={styles.name} title={name}>
            {name === '' ? 'Attached file' : name}
          </span>
          <Button size="sm" variant="ghost" loading={busy} onClick={() => input.current?.click()}>
            Replace
          </Button>
          <Button size="sm" variant="ghost" onClick={onRemove}>
            Remove
          </Button>
        </div>
      )}
    </Field>
  );
}
