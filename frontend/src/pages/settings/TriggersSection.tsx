import { BellRing, Plus, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, confirm, Dialog, Panel, Select, Table, TextField, toast, type Column } from '../../components/ui';
import { paramKey, paramLabel, sendable, templateParameters } from '../../components/template/model';
import { useTemplateList } from '../../components/template/templateList';
import { Flows, onEvent, Triggers, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { CopyField } from './CopyField';
import { useSettings } from './settingsStore';
import styles from './SettingsPage.module.css';

/** The event Go emits after a trigger is added or removed. */
const triggersChangedEvent = 'triggers:changed';

/** What a trigger does, in words. */
function action(t: app.TriggerView): string {
  if (t.template !== '') return `Sends the template ${t.template} (${t.language})`;
  return t.flow === '' ? 'Its flow was deleted' : `Starts the flow ${t.flow}`;
}

/**
 * Settings' "Triggers" section: the notification triggers your own systems
 * call (POST /notify/{name} on the webhook listener) to start a flow for a
 * customer or send them a template. A new trigger's token is shown once.
 */
export function TriggersSection() {
  const [list, setList] = useState<app.TriggerView[] | null>(null);
  const [error, setError] = useState('');
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<app.TriggerCreated | null>(null);

  const load = useCallback(() => {
    Triggers.List().then(
      (l) => {
        setList(l);
        setError('');
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, []);
  useEffect(() => {
    load();
    return onEvent(triggersChangedEvent, load);
  }, [load]);

  const remove = async (t: app.TriggerView) => {
    const ok = await confirm({
      title: `Remove the trigger ${t.name}?`,
      message: 'Its token stops working at once; systems still calling it get 404.',
      confirmLabel: 'Remove',
      danger: true,
    });
    if (!ok) return;
    try {
      await Triggers.Remove(t.name);
      load();
    } catch (err) {
      toast.error('Could not remove the trigger', errorMessage(err));
    }
  };

  const columns: Column<app.TriggerView>[] = [
    { key: 'name', header: 'Name', width: '190px', cell: (t) => <code>{t.name}</code> },
    {
      key: 'action',
      header: 'Does',
      cell: (t) => (
        <span>
          {action(t)} {t.problem !== '' && <Badge tone="warning">{t.problem}</Badge>}
        </span>
      ),
    },
    { key: 'token', header: 'Token', width: '120px', mono: true, cell: (t) => `${t.tokenHint}…` },
    {
      key: 'used',
      header: 'Used',
      width: '170px',
      cell: (t) => (t.uses === 0 ? 'Never' : `${t.uses}×, last ${formatTime(t.lastUsedAt)}`),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      width: '110px',
      align: 'right',
      cell: (t) => (
        <Button size="sm" variant="ghost" icon={<Trash2 size={14} />} onClick={() => void remove(t)}>
          Remove
        </Button>
      ),
    },
  ];

  return (
    <Panel
      title="Triggers"
      subtitle="Let your order system or shop notify a customer: POST /notify/NAME on the webhook address starts a flow or sends a template."
      actions={
        <Button icon={<Plus size={15} />} onClick={() => setAdding(true)}>
          Add trigger
        </Button>
      }
    >
      {error !== '' && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <Table
        columns={columns}
        rows={list ?? []}
        rowKey={(t) => t.name}
        empty="No triggers yet. Add one, then call it from your own systems (docs/notifications.md)."
      />
      {adding && (
        <AddTriggerDialog
          onClose={() => setAdding(false)}
          onCreated={(c) => {
            setAdding(false);
            setCreated(c);
            load();
          }}
        />
      )}
      {created !== null && <TokenDialog created={created} onClose={() => setCreated(null)} />}
    </Panel>
  );
}

function AddTriggerDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (c: app.TriggerCreated) => void }) {
  const templates = useTemplateList((s) => s.templates);
  const [flows, setFlows] = useState<{ value: string; label: string }[]>([]);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'flow' | 'template'>('flow');
  const [flow, setFlow] = useState('');
  const [chosen, setChosen] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [media, setMedia] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    Flows.List().then(
      (l) => setFlows(l.map((f) => ({ value: f.name, label: f.published ? `${f.name} (published)` : f.name }))),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, []);
  const usable = templates.filter(sendable);
  const template = usable.find((t) => `${t.name}\u0000${t.language}` === chosen);
  const params = template === undefined ? [] : templateParameters(template);

  const submit = async () => {
    setSaving(true);
    try {
      const input: app.TriggerInput = { name: name.trim(), flow: '', template: '', language: '', parameters: [], headerMediaUrl: '' };
      if (kind === 'flow') {
        input.flow = flow;
      } else if (template !== undefined) {
        input.template = template.name;
        input.language = template.language;
        input.parameters = params.map((p) => values[paramKey(p)] ?? `{{${p.name}}}`);
        input.headerMediaUrl = media.trim();
      }
      onCreated(await Triggers.Add(input));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Add a trigger"
      description="Your systems call it with its token; it sets the attributes they send, then runs what you choose here."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" icon={<BellRing size={15} />} loading={saving} onClick={() => void submit()}>
            Add trigger
          </Button>
        </>
      }
    >
      <div className={styles.form}>
        <TextField label="Name" mono value={name} placeholder="order-shipped" hint="Part of the address: /notify/NAME." onChange={(e) => setName(e.target.value)} />
        <Select
          label="It"
          value={kind}
          options={[
            { value: 'flow', label: 'starts a flow' },
            { value: 'template', label: 'sends a template' },
          ]}
          onChange={(v) => setKind(v === 'template' ? 'template' : 'flow')}
        />
        {kind === 'flow' ? (
          <Select label="Flow" value={flow} placeholder="Choose a flow" options={flows} onChange={setFlow} />
        ) : (
          <>
            <Select
              label="Template"
              value={chosen}
              placeholder={usable.length === 0 ? 'No approved templates synced' : 'Choose a template'}
              options={usable.map((t) => ({ value: `${t.name}\u0000${t.language}`, label: `${t.name} (${t.language})` }))}
              onChange={setChosen}
            />
            {params.map((p) => (
              <TextField
                key={paramKey(p)}
                label={paramLabel(p)}
                mono
                value={values[paramKey(p)] ?? `{{${p.name}}}`}
                hint="A text with {{attribute}} placeholders."
                onChange={(e) => setValues((v) => ({ ...v, [paramKey(p)]: e.target.value }))}
              />
            ))}
            {template?.header !== undefined && template.header !== null && template.header.format !== 'text' && (
              <TextField label="Header media link" value={media} onChange={(e) => setMedia(e.target.value)} />
            )}
          </>
        )}
        {error !== '' && (
          <p className={styles.error} role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}

function TokenDialog({ created, onClose }: { created: app.TriggerCreated; onClose: () => void }) {
  const publicUrl = useSettings((s) => s.settings?.publicUrl.value ?? '');
  const base = publicUrl !== '' ? publicUrl.replace(/\/+$/, '') : 'https://YOUR-PUBLIC-ADDRESS';
  const curl =
    `curl ${base}/notify/${created.trigger.name} \\\n  -H "Authorization: Bearer ${created.token}" \\\n` +
    `  -H "Content-Type: application/json" \\\n  -d '{"phone": "15550001111", "attributes": {}}'`;
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={`Trigger ${created.trigger.name} added`}
      description="Copy its token now: it is shown only this once and stored as a hash."
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      <div className={styles.form}>
        <CopyField label="Token" value={created.token} empty="" />
        <pre className={styles.curl} data-testid="trigger-curl">
          {curl}
        </pre>
      </div>
    </Dialog>
  );
}
