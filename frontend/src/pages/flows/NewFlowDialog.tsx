import { ArrowRight, FilePlus2 } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Dialog, Spinner, TextField } from '../../components/ui';
import { Data, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import styles from './NewFlowDialog.module.css';

/** Props of NewFlowDialog. */
export interface NewFlowDialogProps {
  open: boolean;
  onClose: () => void;
  /** Creates a blank flow with this name; a rejection shows under the field. */
  onCreateBlank: (name: string) => Promise<void>;
  /** Called with what a template import made; the caller opens the flow. */
  onStarted: (result: app.StartResult) => void;
}

/**
 * "New flow": a blank flow with a name, or one of the templates (the same
 * ones the welcome screen offers), so the templates stay one click away after
 * the first run.
 */
export function NewFlowDialog({ open, onClose, onCreateBlank, onStarted }: NewFlowDialogProps) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState('');
  const [busy, setBusy] = useState('');
  const [templates, setTemplates] = useState<app.Template[] | null>(null);
  const [templateError, setTemplateError] = useState('');

  useEffect(() => {
    if (!open) return;
    let live = true;
    Data.Templates()
      .then((t) => live && setTemplates(t))
      .catch((err: unknown) => live && setTemplateError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [open]);

  const createBlank = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      setNameError('Give the flow a name.');
      return;
    }
    setBusy('blank');
    try {
      await onCreateBlank(name.trim());
    } catch (err) {
      setNameError(errorMessage(err));
      setBusy('');
    }
  };

  const startTemplate = async (t: app.Template) => {
    setBusy(t.id);
    setTemplateError('');
    try {
      onStarted(await Data.StartFromTemplate(t.id));
    } catch (err) {
      setTemplateError(errorMessage(err));
      setBusy('');
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title="New flow" size="lg" description="Start from a blank canvas or from a working template.">
      <form className={styles.blank} onSubmit={(e) => void createBlank(e)} aria-label="Blank flow">
        <TextField
          label="Name of a blank flow"
          value={name}
          data-autofocus
          maxLength={100}
          placeholder="e.g. Support"
          error={nameError === '' ? undefined : nameError}
          onChange={(e) => {
            setName(e.target.value);
            setNameError('');
          }}
          fieldClassName={styles.grow}
        />
        <Button type="submit" variant="primary" icon={<FilePlus2 size={15} />} loading={busy === 'blank'} disabled={busy !== '' && busy !== 'blank'}>
          Create blank flow
        </Button>
      </form>
      <h3 className={styles.heading}>Or start from a template</h3>
      {templates === null && templateError === '' && <Spinner label="Loading templates" />}
      {templateError !== '' && (
        <p className={styles.error} role="alert">
          {templateError}
        </p>
      )}
      <ul className={styles.templates} aria-label="Templates">
        {(templates ?? []).map((t) => (
          <li key={t.id} className={styles.template}>
            <div>
              <h4 className={styles.title}>{t.title}</h4>
              <p className={styles.description}>{t.description}</p>
            </div>
            <Button
              iconEnd={<ArrowRight size={15} />}
              loading={busy === t.id}
              disabled={busy !== '' && busy !== t.id}
              onClick={() => void startTemplate(t)}
              aria-label={`Use the ${t.title} template`}
            >
              Use
            </Button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
