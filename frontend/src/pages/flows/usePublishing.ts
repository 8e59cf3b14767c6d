import { useState } from 'react';
import { toast } from '../../components/ui';
import { flowsApi } from '../../flow/api';
import { editorStore, useEditor } from '../../flow/store';
import { errorMessage } from '../../lib/errors';

/**
 * Publishing from the editor. Publishing copies the saved flow to the live
 * slot, so edits of a live flow stay drafts until published again; this hook
 * tracks that ("changes not live") and saves before publishing.
 */
export function usePublishing(flowId: number, initialChanges: boolean) {
  const published = useEditor((s) => s.published);
  const version = useEditor((s) => s.version);
  // The editor mounts after the flow loaded: its version is live unless the
  // list said the live copy is older.
  const [liveVersion, setLiveVersion] = useState(() => (initialChanges ? -1 : editorStore.getState().version));
  const [busy, setBusy] = useState(false);

  const publish = async () => {
    setBusy(true);
    try {
      const s = editorStore.getState();
      if (!(await s.save())) {
        toast.error('Not published', `The flow could not be saved first: ${editorStore.getState().saveError}`);
        return;
      }
      await flowsApi.publish(flowId);
      editorStore.getState().setMeta({ published: true });
      setLiveVersion(editorStore.getState().version);
      toast.success(`"${editorStore.getState().name}" is live`, 'New WhatsApp conversations follow this flow.');
    } catch (err) {
      toast.error('Not published', errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const unpublish = async () => {
    setBusy(true);
    try {
      await flowsApi.unpublish(flowId);
      editorStore.getState().setMeta({ published: false });
      toast.info('No flow is live', 'Customers get no automatic answers until a flow is published.');
    } catch (err) {
      toast.error('Could not unpublish', errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return { published, changesNotLive: published && liveVersion !== version, busy, publish, unpublish };
}
