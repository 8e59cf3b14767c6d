import { Braces, Lock, Pencil, Plus, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useAttributeInfos, useAttributeListStore } from '../../components/placeholder/attributeList';
import {
  Badge,
  Button,
  confirm,
  Dialog,
  EmptyState,
  IconButton,
  Page,
  Panel,
  Spinner,
  Table,
  toast,
  type Column,
} from '../../components/ui';
import { Attributes, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { usageInWords } from '../apis/pathWords';
import { AttributeDialog, typeLabel, typeTone } from '../../components/attribute';
import styles from './AttributesPage.module.css';

type Editing = { mode: 'create' } | { mode: 'edit'; attribute: app.AttributeInfo } | null;

/** The Attributes page: built-in and custom attributes, where each is used, and editing. */
export function AttributesPage() {
  // The same list the pickers read, so what is created here is offered there at once.
  const { list, error: loadError } = useAttributeInfos();
  const load = useAttributeListStore((s) => s.load);
  const [editing, setEditing] = useState<Editing>(null);
  const [inUse, setInUse] = useState<app.AttributeInfo | null>(null);
  const [dialogKey, setDialogKey] = useState(0);

  useEffect(() => {
    void load(); // fresh usage and counts each time the page opens
  }, [load]);

  const builtIns = list?.filter((a) => a.builtIn) ?? [];
  const custom = list?.filter((a) => !a.builtIn) ?? [];

  const openCreate = () => {
    setDialogKey((k) => k + 1);
    setEditing({ mode: 'create' });
  };

  const remove = async (a: app.AttributeInfo) => {
    if (a.usedBy.length > 0) {
      setInUse(a);
      return;
    }
    const values = a.valueCount > 0 ? ` ${a.valueCount} contact${a.valueCount === 1 ? '' : 's'} lose their value.` : '';
    const ok = await confirm({
      title: `Delete ${a.name}?`,
      message: `Nothing uses it.${values} This cannot be undone.`,
      confirmLabel: 'Delete attribute',
      danger: true,
    });
    if (!ok) return;
    try {
      await Attributes.Delete(a.name);
      toast.success(`Deleted ${a.name}`);
      await load();
    } catch (err) {
      toast.error(`Could not delete ${a.name}`, errorMessage(err));
    }
  };

  const columns: Column<app.AttributeInfo>[] = [
    {
      key: 'name',
      header: 'Name',
      width: '24%',
      cell: (a) => (
        <span className={styles.name}>
          {a.builtIn && <Lock size={12} aria-label="Built in" className={styles.lock} />}
          <code title={a.name}>{a.name}</code>
        </span>
      ),
    },
    {
      key: 'type',
      header: 'Type',
      width: '110px',
      cell: (a) => <Badge tone={typeTone(a.type)}>{typeLabel(a.type)}</Badge>,
    },
    {
      key: 'description',
      header: 'Description',
      cell: (a) => (
        <span className={styles.description} title={a.description || undefined}>
          {a.description || '—'}
        </span>
      ),
    },
    {
      key: 'used',
      header: 'Used by',
      width: '24%',
      cell: (a) =>
        a.usedBy.length === 0 ? (
          <span className={styles.faint}>{a.builtIn ? 'Set automatically' : 'Not used yet'}</span>
        ) : (
          <ul className={styles.usage} title={a.usedBy.map(usageInWords).join('\n')}>
            {a.usedBy.map((u) => (
              <li key={u}>{usageInWords(u)}</li>
            ))}
          </ul>
        ),
    },
  ];
  const customColumns: Column<app.AttributeInfo>[] = [
    ...columns,
    {
      key: 'values',
      header: 'Contacts',
      width: '86px',
      align: 'right',
      cell: (a) => <span className={styles.count}>{a.valueCount}</span>,
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      width: '84px',
      align: 'right',
      cell: (a) => (
        <span className={styles.actions}>
          <IconButton
            size="sm"
            label={`Edit ${a.name}`}
            icon={<Pencil size={14} />}
            onClick={() => {
              setDialogKey((k) => k + 1);
              setEditing({ mode: 'edit', attribute: a });
            }}
          />
          <IconButton size="sm" label={`Delete ${a.name}`} icon={<Trash2 size={14} />} onClick={() => void remove(a)} />
        </span>
      ),
    },
  ];

  return (
    <Page
      title="Attributes"
      icon={<Braces size={18} />}
      description="What your flows remember about each contact, used as {{placeholders}} in messages and APIs."
      actions={
        <Button variant="primary" icon={<Plus size={15} />} onClick={openCreate}>
          New attribute
        </Button>
      }
    >
      {list === null ? (
        loadError !== '' ? (
          <EmptyState compact title="Attributes could not be loaded" actions={<Button onClick={() => void load()}>Try again</Button>}>
            {loadError}
          </EmptyState>
        ) : (
          <div className={styles.loading}>
            <Spinner label="Loading attributes" />
          </div>
        )
      ) : (
        <div className={styles.stack}>
          <Panel
            title="Your attributes"
            subtitle={custom.length === 0 ? undefined : `${custom.length} attribute${custom.length === 1 ? '' : 's'}`}
            flush
          >
            {custom.length === 0 ? (
              <EmptyState
                compact
                icon={<Braces size={22} />}
                title="Remember what customers tell you"
                actions={
                  <Button variant="primary" icon={<Plus size={15} />} onClick={openCreate}>
                    New attribute
                  </Button>
                }
              >
                Attributes hold what a flow learns about a contact — an order number, an email, a preferred date — so later
                messages and API calls can use it as a <code>{'{{placeholder}}'}</code>.
              </EmptyState>
            ) : (
              <Table label="Your attributes" className={styles.fixed} columns={customColumns} rows={custom} rowKey={(a) => a.name} />
            )}
          </Panel>
          <Panel title="Built-in attributes" subtitle="Always there; filled in by WhatsApp and by API calls." flush>
            <Table label="Built-in attributes" className={styles.fixed} columns={columns} rows={builtIns} rowKey={(a) => a.name} />
          </Panel>
        </div>
      )}

      {editing !== null && (
        <AttributeDialog
          key={dialogKey}
          open
          editing={editing.mode === 'edit' ? editing.attribute : undefined}
          taken={(list ?? []).map((a) => a.name)}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            toast.success(editing.mode === 'create' ? `Created ${saved.name}` : `Saved ${saved.name}`);
            void load();
          }}
        />
      )}

      <Dialog
        open={inUse !== null}
        onClose={() => setInUse(null)}
        title={`${inUse?.name ?? ''} is in use`}
        description="Remove it from these places first, then delete it."
        footer={
          <Button variant="primary" onClick={() => setInUse(null)}>
            OK
          </Button>
        }
      >
        <ul className={styles.inUse}>
          {inUse?.usedBy.map((u) => (
            <li key={u}>{usageInWords(u)}</li>
          ))}
        </ul>
      </Dialog>
    </Page>
  );
}
