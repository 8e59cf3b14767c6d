import { useState } from 'react';
import { Button, Dialog, TextArea } from '../../components/ui';
import { APIs } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { normalizeDraft, type ApiDraft } from './model';

/** Props of ImportCurlDialog. */
export interface ImportCurlDialogProps {
  onClose: () => void;
  onImported: (draft: ApiDraft) => void;
}

/** Reads a pasted curl command into a new API (method, URL, query, headers, body, auth). */
export function ImportCurlDialog({ onClose, onImported }: ImportCurlDialogProps) {
  const [cmd, setCmd] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      onImported(normalizeDraft(await APIs.ImportCurl(cmd)));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      size="lg"
      modalOnly
      onClose={onClose}
      title="Import from cURL"
      description="Paste a curl command, for example from your API's documentation or your browser's “Copy as cURL”."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" loading={busy} disabled={cmd.trim() === ''} onClick={() => void submit()}>
            Import
          </Button>
        </>
      }
    >
      <TextArea
        label="curl command"
        mono
        rows={9}
        data-autofocus
        value={cmd}
        placeholder={"curl -X POST 'https://shop.example/api/orders' \\\n  -H 'Authorization: Bearer …' \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"sku\": \"A1\"}'"}
        onChange={(e) => {
          setCmd(e.target.value);
          setError('');
        }}
        error={error !== '' ? error : undefined}
        hint="Method, URL, query parameters, headers, body and basic or bearer auth are filled in. Nothing is sent."
      />
    </Dialog>
  );
}
