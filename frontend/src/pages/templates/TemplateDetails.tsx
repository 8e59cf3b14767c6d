import { AlertTriangle, Info } from 'lucide-react';
import { Badge } from '../../components/ui';
import {
  languageName,
  mediaHeader,
  paramLabel,
  quickReplies,
  statusInfo,
  templateParameters,
  type WaTemplate,
} from '../../components/template/model';
import { TemplatePreview } from '../../components/template/TemplatePreview';
import styles from './TemplatesPage.module.css';

const reasons: Record<string, string> = {
  ABUSIVE_CONTENT: 'abusive content',
  INVALID_FORMAT: 'an invalid format',
  PROMOTIONAL: 'promotional content in a utility template',
  TAG_CONTENT_MISMATCH: 'content that does not match its category',
  SCAM: 'suspected scam',
  INCORRECT_CATEGORY: 'an incorrect category',
};

/** One template: the bubble a customer sees, its state at Meta and what a send must fill in. */
export function TemplateDetails({ template: t }: { template: WaTemplate }) {
  const status = statusInfo(t);
  const params = templateParameters(t);
  const media = mediaHeader(t);
  const replies = quickReplies(t);
  return (
    <section className={styles.details} aria-label={`Template ${t.name}`}>
      <header className={styles.detailsHeader}>
        <h2 className={styles.detailsName}>{t.name}</h2>
        <Badge tone={status.tone} dot>
          {status.label}
        </Badge>
      </header>
      <p className={styles.detailsMeta}>
        {languageName(t.language)} · <code>{t.language}</code> · {t.category.toLowerCase()}
      </p>
      {t.status.toUpperCase() === 'REJECTED' && (
        <p className={styles.warning} role="note">
          <AlertTriangle size={15} aria-hidden="true" />
          Meta rejected this template
          {(t.rejectedReason ?? '') !== '' ? ` for ${reasons[t.rejectedReason ?? ''] ?? (t.rejectedReason ?? '').toLowerCase()}` : ''}. Edit it in
          WhatsApp Manager and sync again.
        </p>
      )}
      {['PAUSED', 'DISABLED'].includes(t.status.toUpperCase()) && (
        <p className={styles.warning} role="note">
          <AlertTriangle size={15} aria-hidden="true" />
          Meta {t.status.toLowerCase()} this template after customer feedback; sends of it fail until it is active again.
        </p>
      )}
      {(t.unsupported ?? '') !== '' && (
        <p className={styles.warning} role="note">
          <Info size={15} aria-hidden="true" />
          It uses {t.unsupported}, which Chatflow Studio cannot send yet.
        </p>
      )}
      <TemplatePreview template={t} examples />
      <dl className={styles.facts}>
        <div>
          <dt>Parameters</dt>
          <dd>
            {params.length === 0 && media === '' ? (
              <span className={styles.faint}>None: it is sent as written.</span>
            ) : (
              <ul className={styles.paramList}>
                {media !== '' && <li>Header {media} link</li>}
                {params.map((p) => (
                  <li key={`${p.component}${p.index}${p.name}`}>
                    {paramLabel(p)}
                    {p.example !== '' && <span className={styles.faint}> — e.g. {p.example}</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Quick replies</dt>
          <dd>
            {replies.length === 0 ? (
              <span className={styles.faint}>None</span>
            ) : (
              <>
                {replies.map((r) => (
                  <Badge key={r} className={styles.reply}>
                    {r}
                  </Badge>
                ))}
                <span className={styles.faint}> — each is an output of a template node.</span>
              </>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
