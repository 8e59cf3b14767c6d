import { AlertCircle, Download, File, FileText, Image, Link, Music, Sticker, Video } from 'lucide-react';
import { useState } from 'react';
import { Spinner } from '../ui';
import { Lightbox } from './Lightbox';
import { formatBytes, isPicture, kindNoun, mediaHref, typeLabel, type AttachmentView } from './media';
import styles from './Attachment.module.css';

const kindIcons = { image: Image, audio: Music, video: Video, document: FileText, sticker: Sticker } as const;

/** Props of Attachment. */
export interface AttachmentProps {
  a: AttachmentView;
  /** The message's caption, shown under the picture in the lightbox. */
  caption?: string;
  /** Who sent it, for the picture's description ("the customer"). */
  from?: string;
}

/**
 * A message's file: a picture inline (opening in a lightbox), any other file
 * as its name and size with a download, a download in progress, or why the
 * file is not there.
 */
export function Attachment({ a, caption = '', from = '' }: AttachmentProps) {
  const [open, setOpen] = useState(false);
  const noun = kindNoun(a.kind);
  const Icon = kindIcons[a.kind as keyof typeof kindIcons] ?? File;

  if (a.link !== '') {
    return (
      <a className={styles.link} href={a.link} target="_blank" rel="noreferrer">
        <Link size={14} aria-hidden="true" /> <span className={styles.linkText}>{a.link}</span>
      </a>
    );
  }
  if (a.state === 'pending') {
    return (
      <div className={styles.status} data-testid="attachment-pending">
        <Spinner size={14} />
        <span>
          {a.error === ''
            ? `Downloading the ${noun}…`
            : `Retrying the download of the ${noun}${a.attempts > 0 ? ` (attempt ${a.attempts + 1})` : ''}: ${a.error}`}
        </span>
      </div>
    );
  }
  if (a.state === 'failed' || a.key === '') {
    return (
      <div className={styles.failed} data-testid="attachment-failed">
        <AlertCircle size={14} aria-hidden="true" />
        <span>
          The {noun} was not downloaded{a.error === '' ? '.' : `: ${a.error}`}
        </span>
      </div>
    );
  }
  const download = mediaHref(a.key, a.name, true);
  if (isPicture(a.kind)) {
    const alt = `${noun[0]?.toUpperCase()}${noun.slice(1)}${from === '' ? '' : ` from ${from}`}`;
    return (
      <>
        <button
          type="button"
          className={a.kind === 'sticker' ? styles.sticker : styles.picture}
          onClick={() => setOpen(true)}
          aria-label={`Open the ${noun}`}
          data-testid="attachment-picture"
        >
          <img src={mediaHref(a.key, a.name)} alt={alt} loading="lazy" />
        </button>
        {open && (
          <Lightbox
            src={mediaHref(a.key, a.name)}
            alt={alt}
            caption={caption}
            downloadHref={download}
            onClose={() => setOpen(false)}
          />
        )}
      </>
    );
  }
  return (
    <a className={styles.file} href={download} download={a.name} data-testid="attachment-file">
      <span className={styles.fileIcon}>
        <Icon size={18} aria-hidden="true" />
      </span>
      <span className={styles.fileText}>
        <span className={styles.fileName}>{a.name === '' ? noun : a.name}</span>
        <span className={styles.fileMeta}>
          {[typeLabel(a.mime, a.name), a.size > 0 ? formatBytes(a.size) : ''].filter((s) => s !== '').join(' · ')}
        </span>
      </span>
      <Download size={16} aria-hidden="true" className={styles.fileDownload} />
    </a>
  );
}
