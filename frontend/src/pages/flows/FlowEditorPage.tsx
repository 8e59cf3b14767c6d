import { ReactFlowProvider } from '@xyflow/react';
import { Play, Workflow } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Button, describeToasts, Drawer, EmptyState, Page, Spinner, toast } from '../../components/ui';
import { flowsApi } from '../../flow/api';
import { useEditorUi } from '../../flow/canvas/editorUi';
import { FlowCanvas } from '../../flow/canvas/FlowCanvas';
import { useEditorShortcuts } from '../../flow/canvas/useEditorShortcuts';
import { catalogStore } from '../../flow/catalog';
import { Inspector } from '../../flow/inspector/Inspector';
import { readableNodeRefs } from '../../flow/nodeNames';
import { editorStore, useEditor } from '../../flow/store';
import { onEvent } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { SimulatorPanel } from '../../simulator/SimulatorPanel';
import { simulatorStore } from '../../simulator/store';
import { EditorHeader } from './EditorHeader';
import { NameDialog } from './NameDialog';
import { useLeaveGuard } from './useLeaveGuard';
import { usePublishing } from './usePublishing';
import styles from './FlowEditorPage.module.css';

/** The width of the simulator drawer. */
const simulatorWidth = 360;

type Loading = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; changesNotLive: boolean };

/** Names the nodes an engine note mentions by what they say, not by id. */
const describeNote = (note: string) => readableNodeRefs(note, editorStore.getState().nodes);

/** Saves now and reports a failure; resolves whether the stored flow is current. */
async function saveNow(): Promise<boolean> {
  const ok = await editorStore.getState().save();
  if (!ok) {
    toast.error('The flow was not saved', editorStore.getState().saveError || undefined);
  }
  return ok;
}

/**
 * The editor of one flow: a one-line header, and the canvas with the
 * inspector drawer (while a node is selected) and the simulator drawer
 * ("Try it") docked at its right.
 */
export function FlowEditorPage({ id }: { id: number }) {
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [doc, list] = await Promise.all([flowsApi.get(id), flowsApi.list().catch(() => [])]);
        await editorStore.getState().settle();
        if (cancelled) return;
        editorStore.getState().load(doc);
        setLoading({ state: 'ready', changesNotLive: list.find((f) => f.id === id)?.unpublishedChanges === true });
      } catch (err) {
        if (!cancelled) setLoading({ state: 'error', message: errorMessage(err) });
      }
    })();
    void catalogStore.getState().load();
    const offApis = onEvent('apis:changed', () => void catalogStore.getState().load());
    return () => {
      cancelled = true;
      offApis();
      void simulatorStore.getState().stop();
    };
  }, [id]);

  useLeaveGuard(id);

  if (loading.state !== 'ready') {
    return (
      <Page title="Flow" icon={<Workflow size={18} />}>
        {loading.state === 'loading' ? (
          <div className={styles.center}>
            <Spinner size={20} label="Opening the flow" />
          </div>
        ) : (
          <EmptyState
            title="This flow could not be opened"
            actions={<Button onClick={() => navigate('flows')}>Back to flows</Button>}
          >
            {loading.message}
          </EmptyState>
        )}
      </Page>
    );
  }
  return (
    <ReactFlowProvider>
      <Editor id={id} changesNotLive={loading.changesNotLive} />
    </ReactFlowProvider>
  );
}

function Editor({ id, changesNotLive }: { id: number; changesNotLive: boolean }) {
  const name = useEditor((s) => s.name);
  const simulator = useEditorUi((s) => s.simulator);
  const [renaming, setRenaming] = useState(false);
  const publishing = usePublishing(id, changesNotLive);
  const save = useCallback(() => void saveNow(), []);
  useEditorShortcuts(save);
  // Refusals to save or publish come from Go naming nodes by id; while this
  // flow is open its toasts name them by what they say (issue 14, finding 5).
  useEffect(() => describeToasts(describeNote), []);

  const back = async () => {
    if (editorStore.getState().isDirty() && !(await saveNow())) return;
    navigate('flows');
  };

  return (
    <div className={styles.page}>
      <EditorHeader publishing={publishing} onBack={() => void back()} onRename={() => setRenaming(true)} onRetrySave={save} />
      <div className={styles.workspace}>
        <FlowCanvas />
        <Inspector />
        {simulator && (
          <Drawer
            label="Simulator"
            kind="simulator"
            width={simulatorWidth}
            title="Try it"
            icon={<Play size={16} className={styles.simIcon} />}
            onClose={() => useEditorUi.getState().toggle('simulator', false)}
          >
            <SimulatorPanel flowId={id} flowName={name} prepare={saveNow} describe={describeNote} />
          </Drawer>
        )}
      </div>
      {renaming && (
        <NameDialog
          open
          title="Rename flow"
          initial={name}
          confirmLabel="Rename"
          onClose={() => setRenaming(false)}
          onSubmit={async (next) => {
            await flowsApi.rename(id, next);
            editorStore.getState().setMeta({ name: next });
            setRenaming(false);
          }}
        />
      )}
    </div>
  );
}
