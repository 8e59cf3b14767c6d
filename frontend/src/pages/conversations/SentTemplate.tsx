import { CornerUpLeft, ExternalLink, FileText, Image, Video } from 'lucide-react';
import type { SentTemplateParts } from './templateParts';
import { languageName } from '../../components/template/model';
import styles from './ConversationsPage.module.css';

const mediaIcons = { image: Image, video: Video, document: FileText } as const;

/** A template's header line and media, above its body. */
export function SentTemplateTop({ t }: { t: SentTemplateParts }) {
  const Icon = mediaIcons[t.headerType as keyof typeof mediaIcons];
  return (
    <>
      <span className={styles.templateLabel}>
        Template {t.name} · {languageName(t.language)}
      </span>
      {Icon !== undefined && (
        <a className={styles.media} href={t.headerMediaUrl} target="_blank" rel="noreferrer">
          <Icon size={14} aria-hidden="true" /> {t.headerMediaUrl}
        </a>
      )}
      {t.header !== '' && <p className={styles.templateHeader}>{t.header}</p>}
    </>
  );
}

/** A template's footer and buttons, under its body. */
export function SentTemplateBottom({ t }: { t: SentTemplateParts }) {
  return (
    <>
      {t.footer !== '' && <p className={styles.templateFooter}>{t.footer}</p>}
      {t.buttons.length > 0 && (
        <ul className={styles.choices} aria-label="Template buttons">
          {t.buttons.map((b, i) => (
            <li key={`${i}${b}`}>
              {t.quickReplies.includes(i) ? <CornerUpLeft size={12} aria-hidden="true" /> : <ExternalLink size={12} aria-hidden="true" />} {b}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
