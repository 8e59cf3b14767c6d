import { FileText, Image, List, Music, Video } from 'lucide-react';
import { Attachment } from '../components/media';
import { cx } from '../lib/cx';
import type { SimOption, SimReply } from './types';
import { formatWhatsApp } from './whatsappText';
import styles from './Simulator.module.css';

/** Props of BotBubble. */
export interface BotBubbleProps {
  reply: SimReply;
  /** Whether options can be tapped now. */
  interactive: boolean;
  onChoose: (option: SimOption) => void;
  onOpenList: (reply: SimReply) => void;
}

const mediaIcons = { image: Image, video: Video, audio: Music, document: FileText } as const;

/** A bot message drawn like WhatsApp: text, media, reply buttons as chips, a list's menu button, or a template with its quick replies. */
export function BotBubble({ reply, interactive, onChoose, onOpenList }: BotBubbleProps) {
  const MediaIcon = mediaIcons[reply.mediaType as keyof typeof mediaIcons] ?? FileText;
  return (
    <div className={styles.botGroup}>
      <div className={cx(styles.bubble, styles.bot)} data-testid="bot-message">
        {reply.type === 'media' && reply.mediaFile !== '' && (
          <Attachment
            a={{
              kind: reply.mediaType || 'image',
              state: 'done',
              key: reply.mediaFile,
              name: reply.filename,
              size: 0,
              mime: '',
              error: '',
              attempts: 0,
              link: '',
              caption: reply.text,
            }}
            caption={reply.text}
          />
        )}
        {reply.type === 'media' && reply.mediaFile === '' && (
          <div className={styles.media}>
            <MediaIcon size={18} />
            <span className={styles.mediaUrl}>{reply.mediaUrl}</span>
          </div>
        )}
        {reply.template !== undefined && (
          <span className={styles.meta} data-testid="sim-template">
            Template {reply.template.name} ({reply.template.language})
          </span>
        )}
        {reply.template !== undefined && reply.template.header !== '' && <p className={styles.templateHeader}>{reply.template.header}</p>}
        {reply.text !== '' && <p className={styles.text}>{formatWhatsApp(reply.text)}</p>}
        {reply.template !== undefined && reply.template.footer !== '' && <span className={styles.meta}>{reply.template.footer}</span>}
        {reply.delayMs > 0 && <span className={styles.meta}>after {Math.round(reply.delayMs / 100) / 10} s</span>}
        {reply.type === 'list' && (
          <button
            type="button"
            className={styles.listButton}
            disabled={!interactive}
            onClick={() => onOpenList(reply)}
          >
            <List size={15} /> {reply.button === '' ? 'Menu' : reply.button}
          </button>
        )}
      </div>
      {reply.type === 'buttons' && (reply.buttons ?? []).length > 0 && (
        <div className={styles.chips}>
          {reply.buttons.map((b) => (
            <button
              key={b.id}
              type="button"
              className={styles.chip}
              disabled={!interactive}
              onClick={() => onChoose(b)}
            >
              {b.title}
            </button>
          ))}
        </div>
      )}
      {reply.template !== undefined && reply.template.quickReplies.length > 0 && (
        <div className={styles.chips}>
          {reply.template.quickReplies.map((q) => (
            <button
              key={q}
              type="button"
              className={styles.chip}
              disabled={!interactive}
              onClick={() => onChoose({ id: q, title: q, description: '' })}
            >
              {q}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The sheet a list message opens: its rows with descriptions; tapping one sends it. */
export function ListSheet({
  reply,
  onChoose,
  onClose,
}: {
  reply: SimReply;
  onChoose: (row: SimOption) => void;
  onClose: () => void;
}) {
  return (
    <div className={styles.sheetBackdrop} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={styles.sheet} role="dialog" aria-label={reply.button === '' ? 'Menu' : reply.button}>
        <div className={styles.sheetHandle} aria-hidden="true" />
        <header className={styles.sheetHeader}>
          <button type="button" className={styles.sheetClose} onClick={onClose} aria-label="Close the list">
            ×
          </button>
          <span>{reply.button === '' ? 'Menu' : reply.button}</span>
        </header>
        <ul className={styles.rows}>
          {(reply.rows ?? []).map((r) => (
            <li key={r.id}>
              <button type="button" className={styles.row} onClick={() => onChoose(r)}>
                <span className={styles.rowTitle}>{r.title}</span>
                {r.description !== '' && <span className={styles.rowDesc}>{r.description}</span>}
                <span className={styles.radio} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
