import { ReactFlowProvider } from '@xyflow/react';
import { ArrowLeft, Pencil, Play, Radio, Workflow } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, EmptyState, IconButton, Page, Spinner, Tabs, toast } from '../../components/ui';
import { flowsApi } from '../../flow/api';
import { FlowCanvas } from '../../flow/canvas/FlowCanvas';
import { Palette } from '../../flow/canvas/Palette';
import { useEditorShortcuts } from '../../flow/canvas/useEditorShortcuts';
import { catalogStore } from '../../flow/catalog';
import { Inspector } from '../../flow/inspector/Inspector';
import { editorStore, useEditor } from '../../flow/store';
import { onEvent } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { SimulatorPanel } from '../../simulator/SimulatorPanel';
import { simulatorStore } from '../../simulator/store';
import { NameDialog } from './NameDialog';
import { SaveStatus } from './SaveStatus';
import { useLeaveGuard } from './useLeaveGuard';
import { usePublishing } from './usePublishing';
import styles from './FlowEditorPage.module.css';

type Loading = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; changesNotLive: boolean };

/** Saves now and reports a failure; resolves whether the stored flow is current. */
async function saveNow(): Promise<boolean> {
  const ok = await editorStore.getState().save();
  if (!ok) {
    toast.error('The flow was not saved', editorStore.getState().saveError || undefined);
  }
  return ok;
}

/** The editor of one flow: palette, canvas, and a dock with the inspector and the simulator. */
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
  const [dock, setDock] = useState<'inspector' | 'simulator'>('inspector');
  const [renaming, setRenaming] = useState(false);
  const publishing = usePublishing(id, changesNotLive);
  const save = useCallback(() => void saveNow(), []);
  useEditorShortcuts(save);

  const back = async () => {
    if (editorStore.getState().isDirty() && !(await saveNow())) return;
    navigate('flows');
  };

  return (
    <Page
      title={name}
      icon={<Workflow size={18} />}
      description={
        <span className={styles.crumbs}>
          <a href="#/flows" onClick={(e) => (e.preventDefault(), void back())}>
            <ArrowLeft size={12} /> Flows
          </a>
          <span aria-hidden="true">·</span>
          {publishing.published ? (
            <Badge tone="success" dot>
              Live
            </Badge>
          ) : (
            <Badge>Draft</Badge>
          )}
          {publishing.changesNotLive && <Badge tone="info">Changes not live</Badge>}
          <SaveStatus onRetry={save} />
        </span>
      }
      actions={
        <>
          <IconButton label="Rename flow" icon={<Pencil size={15} />} onClick={() => setRenaming(true)} />
          <Button
            icon={<Play size={15} />}
            onClick={() => setDock('simulator')}
            aria-pressed={dock === 'simulator'}
            data-testid="open-simulator"
          >
            Try it
          </Button>
          {publishing.published && !publishing.changesNotLive ? (
            <Button loading={publishing.busy} onClick={() => void publishing.unpublish()}>
              Unpublish
            </Button>
          ) : (
            <Button
              variant="primary"
              icon={<Radio size={15} />}
              loading={publishing.busy}
              onClick={() => void publishing.publish()}
            >
              {publishing.published ? 'Publish changes' : 'Publish'}
            </Button>
          )}
        </>
      }
      fullBleed
    >
      <div className={styles.editor}>
        <Palette />
        <FlowCanvas />
        <aside className={styles.dock} aria-label="Inspector and simulator" data-own-keys>
          <Tabs
            label="Dock"
            value={dock}
            onChange={(v) => setDock(v as 'inspector' | 'simulator')}
            items={[
              { id: 'inspector', label: 'Inspector' },
              { id: 'simulator', label: 'Simulator' },
            ]}
            className={styles.dockTabs}
          >
            {dock === 'inspector' ? <Inspector /> : <SimulatorPanel flowId={id} flowName={name} prepare={saveNow} />}
          </Tabs>
        </aside>
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
    </Page>
  );
}
