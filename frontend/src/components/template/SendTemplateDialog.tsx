import { FileText } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { Button, Dialog, EmptyState, Select, Spinner, TextField } from '../ui';
import { errorMessage } from '../../lib/errors';
import {
  languageName,
  mediaHeader,
  paramKey,
  paramLabel,
  sendable,
  statusInfo,
  templateParameters,
  type WaTemplate,
} from './model';
import { TemplatePreview } from './TemplatePreview';
import styles from './SendTemplateDialog.module.css';

/** Props of SendTemplateDialog. */
export interface SendTemplateDialogProps {
  open: boolean;
  onClose: () => void;
  /** Who receives it, for the title. */
  contactName: string;
  /** Reads the synced templates. */
  loadTemplates: () => Promise<WaTemplate[]>;
  /** Sends the template with one value per parameter; rejects with the reason it was refused. */
  send: (t: WaTemplate, values: string[], headerMediaUrl: string) => Promise<void>;
}

const keyOf = (t: WaTemplate) => `${t.name}\u0000${t.language}`;

/**
 * Chooses an approved template, fills its parameters and sends it: the way
 * to write to a customer whose 24-hour window has closed. The preview shows
 * the message as the customer will get it.
 */
export function SendTemplateDialog(props: SendTemplateDialogProps) {
  // Mounted only while open, so every opening starts from a fresh load.
  return props.open ? <SendTemplateForm {...props} /> : null;
}

function SendTemplateForm({ onClose, contactName, loadTemplates, send }: SendTemplateDialogProps) {
  const [templates, setTemplates] = useState<WaTemplate[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [chosen, setChosen] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [media, setMedia] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    loadTemplates().then(
      (ts) => {
        if (!live) return;
        setTemplates(ts);
        const first = ts.find(sendable);
        setChosen((c) => (c !== '' && ts.some((t) => keyOf(t) === c) ? c : first !== undefined ? keyOf(first) : ''));
      },
      (err: unknown) => live && setLoadError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [loadTemplates]);

  const template = useMemo(() => templates?.find((t) => keyOf(t) === chosen), [templates, chosen]);
  const params = useMemo(() => (template === undefined ? [] : templateParameters(template)), [template]);
  const mediaKind = template === undefined ? '' : mediaHeader(template);
  const missing = params.filter((p) => (values[paramKey(p)] ?? '').trim() === '');
  const mediaMissing = mediaKind !== '' && !/^https?:\/\/\S+$/.test(media.trim());

  const submit = async () => {
    if (template === undefined || sending) return;
    if (missing.length > 0 || mediaMissing) {
      const first = missing[0];
      setError(first !== undefined ? `Fill in ${paramLabel(first)}.` : `Give the ${mediaKind} header an http(s) link.`);
      return;
    }
    setSending(true);
    setError('');
    try {
      await send(
        template,
        params.map((p) => values[paramKey(p)] ?? ''),
        media.trim(),
      );
      setValues({});
      setMedia('');
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  const options = (templates ?? []).map((t) => ({
    value: keyOf(t),
    label: `${t.name} · ${languageName(t.language)}${sendable(t) ? '' : ` (${statusInfo(t).label.toLowerCase()})`}`,
    disabled: !sendable(t),
  }));
  const empty = templates !== null && templates.length === 0;
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      modalOnly
      title={`Send a template to ${contactName}`}
      description="WhatsApp delivers approved templates at any time, also after the 24-hour window has closed."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" loading={sending} disabled={template === undefined || empty} onClick={() => void submit()}>
            Send template
          </Button>
        </>
      }
    >
      {loadError !== '' && (
        <p className={styles.error} role="alert">
          {loadError}
        </p>
      )}
      {templates === null && loadError === '' && <Spinner label="Loading templates" />}
      {empty && (
        <EmptyState
          compact
          icon={<FileText size={22} />}
          title="No templates synced yet"
        >
          Sync your approved templates on the <a href="#/templates">Templates page</a> first.
        </EmptyState>
      )}
      {templates !== null && !empty && (
        <div className={styles.layout}>
          <div className={styles.form}>
            <Select label="Template" options={options} value={chosen} onChange={setChosen} placeholder="Choose a template…" />
            {mediaKind !== '' && (
              <TextField
                label={`Header ${mediaKind} link`}
                mono
                value={media}
                placeholder="https://…"
                hint={`A public link to the ${mediaKind} shown above the text.`}
                onChange={(e) => setMedia(e.target.value)}
              />
            )}
            {params.map((p) => (
              <TextField
                key={paramKey(p)}
                label={paramLabel(p)}
                value={values[paramKey(p)] ?? ''}
                placeholder={p.example !== '' ? `e.g. ${p.example}` : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [paramKey(p)]: e.target.value }))}
              />
            ))}
            {template !== undefined && params.length === 0 && mediaKind === '' && (
              <p className={styles.note}>This template has no parameters; it is sent as it is.</p>
            )}
            {error !== '' && (
              <p className={styles.error} role="alert">
                {error}
              </p>
            )}
          </div>
          {template !== undefined && (
            <TemplatePreview
              className={styles.preview}
              template={template}
              values={Object.fromEntries(params.map((p) => [paramKey(p), values[paramKey(p)] ?? '']))}
              headerMediaUrl={media.trim()}
            />
          )}
        </div>
      )}
    </Dialog>
  );
}
