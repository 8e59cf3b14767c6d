import { useState, type FormEvent } from 'react';
import { Button, Dialog, TextField } from '../../components/ui';
import { flowLimits } from '../../flow/nodes/catalogue.gen';
import { errorMessage } from '../../lib/errors';

/** Props of NameDialog. */
export interface NameDialogProps {
  open: boolean;
  title: string;
  description?: string;
  initial: string;
  confirmLabel: string;
  onClose: () => void;
  /** Runs the action; a rejection shows its sentence under the field and keeps the dialog open. */
  onSubmit: (name: string) => Promise<void>;
}

/** Asks for a flow name (new flow, rename). */
export function NameDialog({ open, title, description, initial, confirmLabel, onClose, onSubmit }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      setError('Give the flow a name.');
      return;
    }
    setBusy(true);
    try {
      await onSubmit(name.trim());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      size="sm"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="flow-name-form" loading={busy}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form id="flow-name-form" onSubmit={(e) => void submit(e)}>
        <TextField
          label="Name"
          value={name}
          data-autofocus
          maxLength={flowLimits.name}
          placeholder="Order status"
          onChange={(e) => {
            setName(e.target.value);
            setError('');
          }}
          error={error === '' ? undefined : error}
        />
      </form>
    </Dialog>
  );
}
