import { CornerUpLeft, ExternalLink, FileText, Image, MapPin, Phone, Video } from 'lucide-react';
import { cx } from '../../lib/cx';
import { paramKey, type WaTemplate } from './model';
import { RichTemplateText } from './richText';
import styles from './TemplatePreview.module.css';

/** Props of TemplatePreview. */
export interface TemplatePreviewProps {
  template: WaTemplate;
  /** Values by parameter key ("body.1"); a placeholder without one is drawn as itself. */
  values?: Record<string, string>;
  /** Draw placeholders without a value as Meta's review sample, when the template has one. */
  examples?: boolean;
  /** The header's media link, when the template has a media header. */
  headerMediaUrl?: string;
  className?: string;
}

const headerIcons = { image: Image, video: Video, document: FileText, location: MapPin } as const;

/**
 * A template drawn like the bubble a customer sees in WhatsApp: header,
 * body, footer and the buttons as rows under it. Placeholders are marked:
 * filled ones with their value, open ones as {{name}} (or their example).
 */
export function TemplatePreview({ template: t, values = {}, examples = false, headerMediaUrl = '', className }: TemplatePreviewProps) {
  const param = (component: 'header' | 'body') => (name: string) => {
    const key = paramKey({ component, index: 0, name });
    const value = values[key] ?? '';
    if (value !== '') {
      return <mark className={styles.filled}>{value}</mark>;
    }
    const example = examples ? (t.examples?.[key] ?? '') : '';
    return (
      <mark className={styles.open} title={example === '' ? undefined : `Example: ${example}`}>
        {example !== '' ? example : `{{${name}}}`}
      </mark>
    );
  };
  const format = t.header?.format ?? '';
  const HeaderIcon = headerIcons[format as keyof typeof headerIcons];
  const buttons = t.buttons ?? [];
  return (
    <div className={cx(styles.wall, className)} data-testid="template-preview">
      <div className={styles.bubble}>
        {HeaderIcon !== undefined && (
          <div className={styles.mediaHeader} aria-label={`${format} header`}>
            <HeaderIcon size={28} strokeWidth={1.5} aria-hidden="true" />
            <span className={styles.mediaLink}>{headerMediaUrl !== '' ? headerMediaUrl : `${format} header`}</span>
          </div>
        )}
        {format === 'text' && (t.header?.text ?? '') !== '' && (
          <p className={styles.headerText}>
            <RichTemplateText text={t.header?.text ?? ''} renderParam={param('header')} />
          </p>
        )}
        <p className={styles.body}>
          <RichTemplateText text={t.body} renderParam={param('body')} />
        </p>
        {(t.footer ?? '') !== '' && <p className={styles.footer}>{t.footer}</p>}
        <span className={styles.time} aria-hidden="true">
          12:00
        </span>
        {buttons.length > 0 && (
          <ul className={styles.buttons} aria-label="Buttons">
            {buttons.map((b, i) => (
              <li key={`${i}${b.text}`} className={styles.button} title={b.url ?? b.phone ?? undefined}>
                {b.type === 'url' ? (
                  <ExternalLink size={15} aria-hidden="true" />
                ) : b.type === 'phone_number' ? (
                  <Phone size={15} aria-hidden="true" />
                ) : (
                  <CornerUpLeft size={15} aria-hidden="true" />
                )}
                {b.text}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
