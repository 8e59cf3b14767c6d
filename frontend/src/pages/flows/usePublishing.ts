import { useMemo, useState } from 'react';
import { toast } from '../../components/ui';
import { flowsApi } from '../../flow/api';
import { behaviourKey } from '../../flow/liveCompare';
import { editorStore, useEditor } from '../../flow/store';
import { errorMessage } from '../../lib/errors';
import { publishFlow } from './publishFlow';

/** Publishing from the editor: the live state, whether the draft differs from it, and the two actions. */
export interface Publishing {
  published: boolean;
  changesNotLive: boolean;
  busy: boolean;
  publish: () => Promise<void>;
  unpublish: () => Promise<void>;
}

/** The open flow's behaviour key (see behaviourKey). */
function currentKey(): string {
  const s = editorStore.getState();
  return behaviourKey(s.nodes, s.edges);
}

/**
 * Publishing from the editor. Publishing copies the saved flow to the live
 * slot, so edits of a live flow stay drafts until published again; this hook
 * tracks that ("changes not live") by comparing what the flow does with the
 * copy that went live, and saves before publishing. When the editor opens a
 * flow whose live copy is already older (initialChanges), that copy's content
 * is unknown here and the state stays "not live" until the next publish.
 */
export function usePublishing(flowId: number, initialChanges: boolean): Publishing {
  const published = useEditor((s) => s.published);
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  // The editor mounts after the flow loaded: what it shows is live unless
  // the list said the live copy is older.
  const [liveKey, setLiveKey] = useState<string | null>(() => (initialChanges ? null : currentKey()));
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => (liveKey === null ? '' : behaviourKey(nodes, edges)), [nodes, edges, liveKey]);

  const publish = async () => {
    setBusy(true);
    try {
      const s = editorStore.getState();
      if (!(await s.save())) {
        toast.error('Not published', `The flow could not be saved first: ${editorStore.getState().saveError}`);
        return;
      }
      const sent = currentKey();
      if (!(await publishFlow(flowId))) return;
      editorStore.getState().setMeta({ published: true });
      setLiveKey(sent);
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

  return { published, changesNotLive: published && (liveKey === null || key !== liveKey), busy, publish, unpublish };
}
