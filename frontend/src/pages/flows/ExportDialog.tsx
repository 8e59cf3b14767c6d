import { Copy, Download } from 'lucide-react';
import { useState } from 'react';
import { Button, Checkbox, Dialog, toast } from '../../components/ui';
import { flowsApi } from '../../flow/api';
import { errorMessage } from '../../lib/errors';
import { bundleFileName, downloadText } from './bundle';

/** Exports every attribute, API and flow as a bundle file, secrets only when asked. */
export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [secrets, setSecrets] = useState(false);
  const [busy, setBusy] = useState<'' | 'download' | 'copy'>('');

  const run = async (how: 'download' | 'copy') => {
    setBusy(how);
    try {
      const text = await flowsApi.exportBundle(secrets);
      if (how === 'download') {
        downloadText(bundleFileName(), text);
        toast.success('Bundle exported');
      } else {
        await navigator.clipboard.writeText(text);
        toast.success('Bundle copied', 'Paste it into a .json file to keep it.');
      }
      onClose();
    } catch (err) {
      toast.error('Could not export', errorMessage(err));
    } finally {
      setBusy('');
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Export bundle"
      description="One JSON file with your attributes, APIs and flows, to back up or move to another computer."
      size="sm"
      footer={
        <>
          <Button icon={<Copy size={15} />} loading={busy === 'copy'} onClick={() => void run('copy')}>
            Copy
          </Button>
          <Button
            variant="primary"
            icon={<Download size={15} />}
            loading={busy === 'download'}
            onClick={() => void run('download')}
          >
            Download
          </Button>
        </>
      }
    >
      <Checkbox
        label="Include secrets"
        description="API keys, tokens and passwords. Leave this off to share the file safely."
        checked={secrets}
        onChange={setSecrets}
      />
    </Dialog>
  );
}
