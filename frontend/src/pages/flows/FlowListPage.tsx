import { Copy, Download, Pencil, Plus, Radio, Trash2, Upload, Workflow } from 'lucide-react';
import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  confirm,
  EmptyState,
  IconButton,
  Page,
  Spinner,
  Table,
  toast,
  type Column,
} from '../../components/ui';
import { flowsApi, flowsChangedEvent, type FlowSummary } from '../../flow/api';
import { onEvent } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { Checklist } from '../../components/checklist/Checklist';
import { ExportDialog } from './ExportDialog';
import { useFlowList } from './flowListStore';
import { NameDialog } from './NameDialog';
import { NewFlowDialog } from './NewFlowDialog';
import { publishFlow } from './publishFlow';
import { relativeTime } from './relativeTime';
import { useBundleImport } from './useBundleImport';
import styles from './FlowListPage.module.css';

type Naming = { mode: 'rename'; flow: FlowSummary } | null;

/** The list of flows: create, open, rename, duplicate, delete, publish one, import and export bundles. */
export function FlowListPage() {
  const flows = useFlowList((s) => s.flows);
  const loadError = useFlowList((s) => s.error);
  const load = useFlowList((s) => s.load);
  const [naming, setNaming] = useState<Naming>(null);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const importer = useBundleImport(() => void load());

  useEffect(() => {
    void load();
    return onEvent(flowsChangedEvent, () => void load());
  }, [load]);

  const act = async (what: string, action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done !== undefined) toast.success(done);
      await load();
    } catch (err) {
      toast.error(`Could not ${what}`, errorMessage(err));
    }
  };

  const remove = async (f: FlowSummary) => {
    const ok = await confirm({
      title: `Delete "${f.name}"?`,
      message: f.published
        ? 'This is the live flow: customers will get no automatic answers until another flow is published. This cannot be undone.'
        : 'The flow and its layout are deleted. This cannot be undone.',
      confirmLabel: 'Delete flow',
      danger: true,
    });
    if (ok) await act('delete the flow', () => flowsApi.remove(f.id), `Deleted "${f.name}"`);
  };

  const columns: Column<FlowSummary>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (f) => (
        <span className={styles.name}>
          <a href={`#/flows/${f.id}`} className={styles.link} onClick={(e) => e.stopPropagation()}>
            {f.name}
          </a>
          {f.published && (
            <Badge tone="success" dot>
              Live
            </Badge>
          )}
          {f.unpublishedChanges && <Badge tone="info">Changes not live</Badge>}
        </span>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      width: '180px',
      cell: (f) =>
        !f.valid ? (
          <Badge tone="danger">{`Draft · ${f.problems} ${f.problems === 1 ? 'problem' : 'problems'}`}</Badge>
        ) : f.problems > 0 ? (
          <Badge tone="warning">{`${f.problems} ${f.problems === 1 ? 'warning' : 'warnings'}`}</Badge>
        ) : (
          <Badge tone="neutral">Ready</Badge>
        ),
    },
    { key: 'updated', header: 'Updated', width: '140px', cell: (f) => relativeTime(f.updatedAt) },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      width: '230px',
      align: 'right',
      cell: (f) => (
        <span className={styles.actions} onClick={(e) => e.stopPropagation()}>
          {f.published ? (
            <Button size="sm" variant="ghost" onClick={() => void act('unpublish', () => flowsApi.unpublish(f.id), `"${f.name}" is no longer live`)}>
              Unpublish
            </Button>
          ) : (
            <Button
              size="sm"
              variant="ghost"
              icon={<Radio size={14} />}
              onClick={() => void publishFlow(f.id).then(async (ok) => { if (ok) await load(); })}
            >
              Publish
            </Button>
          )}
          <IconButton size="sm" label={`Rename ${f.name}`} icon={<Pencil size={14} />} onClick={() => setNaming({ mode: 'rename', flow: f })} />
          <IconButton
            size="sm"
            label={`Duplicate ${f.name}`}
            icon={<Copy size={14} />}
            onClick={() => void act('duplicate the flow', () => flowsApi.duplicate(f.id), `Duplicated "${f.name}"`)}
          />
          <IconButton size="sm" label={`Delete ${f.name}`} icon={<Trash2 size={14} />} onClick={() => void remove(f)} />
        </span>
      ),
    },
  ];

  const newFlow = (
    <Button variant="primary" icon={<Plus size={15} />} onClick={() => setCreating(true)}>
      New flow
    </Button>
  );
  const importButton = (
    <Button icon={<Upload size={15} />} onClick={importer.open}>
      Import
    </Button>
  );

  return (
    <Page
      title="Flows"
      icon={<Workflow size={18} />}
      description="Chatbot conversations that answer your WhatsApp messages. One flow is live at a time."
      actions={
        <>
          {importButton}
          <Button icon={<Download size={15} />} onClick={() => setExporting(true)} disabled={flows?.length === 0}>
            Export
          </Button>
          {newFlow}
        </>
      }
    >
      <input {...importer.input} />
      <Checklist />
      {flows === null ? (
        loadError !== '' ? (
          <EmptyState title="The flows could not be loaded" actions={<Button onClick={() => void load()}>Try again</Button>}>
            {loadError}
          </EmptyState>
        ) : (
          <div className={styles.loading}>
            <Spinner size={20} label="Loading flows" />
          </div>
        )
      ) : flows.length === 0 ? (
        <EmptyState
          icon={<Workflow size={22} />}
          title="Design conversations"
          actions={
            <>
              {newFlow}
              {importButton}
            </>
          }
          hint="Tip: import docs/examples/order-status.json to start from a working example."
        >
          Design conversations on a canvas: greet customers, ask questions, offer buttons and lists, call your APIs and
          branch on the answers. Publish a flow to answer WhatsApp messages live.
        </EmptyState>
      ) : (
        <Table
          label="Flows"
          columns={columns}
          rows={flows}
          rowKey={(f) => String(f.id)}
          onRowClick={(f) => navigate('flows', [String(f.id)])}
        />
      )}
      {creating && (
        <NewFlowDialog
          open
          onClose={() => setCreating(false)}
          onCreateBlank={async (name) => {
            const created = await flowsApi.create(name);
            setCreating(false);
            navigate('flows', [String(created.id)]);
          }}
          onStarted={(res) => {
            setCreating(false);
            navigate('flows', [String(res.flowId)]);
            // After navigating: a notice belongs to the page it is shown on.
            if (res.notice !== '') toast.warning(`"${res.flowName}" is ready`, res.notice);
          }}
        />
      )}
      {naming !== null && (
        <NameDialog
          open
          title="Rename flow"
          initial={naming.flow.name}
          confirmLabel="Rename"
          onClose={() => setNaming(null)}
          onSubmit={async (name) => {
            await flowsApi.rename(naming.flow.id, name);
            setNaming(null);
            toast.success(`Renamed to "${name}"`);
            await load();
          }}
        />
      )}
      <ExportDialog open={exporting} onClose={() => setExporting(false)} />
    </Page>
  );
}
