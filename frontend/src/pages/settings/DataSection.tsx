import { Archive, FolderOpen, History, RotateCcw } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, confirm, Dialog, Panel, Select, Table, TextField, toast, type Column } from '../../components/ui';
import { Data, onEvent, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { useSystemStore } from '../../stores/system';
import { formatBytes } from './bytes';
import styles from './DataSection.module.css';

/** The event Go emits after a backup is made or a restore is staged or cancelled. */
const backupsChangedEvent = 'data:backups';

const kindLabels: Record<string, string> = {
  manual: 'Manual',
  daily: 'Daily',
  'before-restore': 'Before restore',
};

const closeOptions = [
  { value: '', label: 'Ask each time' },
  { value: 'background', label: 'Keep the bot running in the background' },
  { value: 'quit', label: 'Quit' },
];

/**
 * Settings' "Data" section: where the data lives (with open folder), back up
 * now, the backups kept (the newest seven, daily ones made automatically),
 * restore with a confirmation, and in the desktop window what closing it does.
 */
export function DataSection() {
  const mode = useSystemStore((s) => s.info?.mode ?? '');
  const [folder, setFolder] = useState<app.DataFolder | null>(null);
  const [backups, setBackups] = useState<app.BackupInfo[] | null>(null);
  const [error, setError] = useState('');
  const [backingUp, setBackingUp] = useState(false);
  const [fromFile, setFromFile] = useState(false);
  const [closeAction, setCloseAction] = useState('');

  const load = useCallback(() => {
    Promise.all([Data.Folder(), Data.Backups()])
      .then(([f, b]) => {
        setFolder(f);
        setBackups(b);
        setError('');
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  useEffect(() => {
    load();
    return onEvent(backupsChangedEvent, load);
  }, [load]);

  useEffect(() => {
    if (mode !== 'desktop') return;
    Data.CloseAction()
      .then(setCloseAction)
      .catch(() => undefined);
  }, [mode]);

  const backUp = async () => {
    setBackingUp(true);
    try {
      const b = await Data.BackupNow();
      toast.success('Backup made', `${b.name} (${formatBytes(b.sizeBytes)})`);
      load();
    } catch (err) {
      toast.error('Could not back up', errorMessage(err));
    } finally {
      setBackingUp(false);
    }
  };

  const restore = async (path: string, when: string) => {
    const ok = await confirm({
      title: 'Restore this backup?',
      message: `Everything changed since ${when} will be replaced by the backup the next time Chatflow Studio starts. Your current data is kept as a backup first.`,
      confirmLabel: 'Restore',
      danger: true,
    });
    if (!ok) return false;
    try {
      const res = await Data.Restore(path);
      toast.success('Restore ready', res.message);
      load();
      return true;
    } catch (err) {
      toast.error('Could not restore', errorMessage(err));
      return false;
    }
  };

  const cancelRestore = async () => {
    try {
      await Data.CancelRestore();
      load();
    } catch (err) {
      toast.error('Could not cancel the restore', errorMessage(err));
    }
  };

  const columns: Column<app.BackupInfo>[] = [
    { key: 'time', header: 'Made', cell: (b) => formatTime(b.createdAt) },
    { key: 'kind', header: 'Kind', width: '140px', cell: (b) => <Badge>{kindLabels[b.kind] ?? b.kind}</Badge> },
    { key: 'size', header: 'Size', width: '100px', align: 'right', cell: (b) => formatBytes(b.sizeBytes) },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      width: '120px',
      align: 'right',
      cell: (b) => (
        <Button size="sm" variant="ghost" icon={<RotateCcw size={14} />} onClick={() => void restore(b.path, formatTime(b.createdAt))}>
          Restore
        </Button>
      ),
    },
  ];

  return (
    <Panel
      title="Data"
      subtitle="Everything Chatflow Studio knows is in this folder: one database file, and beside it a folder with the photos and documents of the conversations and flows."
      actions={
        <Button icon={<Archive size={15} />} loading={backingUp} onClick={() => void backUp()}>
          Back up now
        </Button>
      }
    >
      {error !== '' && <p className={styles.error}>{error}</p>}
      {folder !== null && (
        <div className={styles.folder}>
          <span className={styles.label}>Data folder</span>
          <code className={styles.path} data-testid="data-folder">
            {folder.path}
          </code>
          <Button
            size="sm"
            icon={<FolderOpen size={14} />}
            onClick={() => void Data.OpenFolder().catch((err: unknown) => toast.info('Data folder', errorMessage(err)))}
          >
            Open folder
          </Button>
          <span className={styles.label}>Database</span>
          <span className={styles.meta}>{formatBytes(folder.sizeBytes)}</span>
        </div>
      )}
      {folder?.restorePending === true && (
        <div className={styles.pending} role="status">
          <History size={16} aria-hidden="true" />
          <span>A restore is ready. Quit Chatflow Studio and start it again to finish it.</span>
          <Button size="sm" variant="ghost" onClick={() => void cancelRestore()}>
            Cancel restore
          </Button>
        </div>
      )}
      <div className={styles.backupsHeader}>
        <h4 className={styles.subheading}>Backups</h4>
        <span className={styles.meta}>A backup is made every day; the newest seven are kept. Backups include the photos and documents.</span>
        <Button size="sm" variant="ghost" onClick={() => setFromFile(true)}>
          Restore from a file…
        </Button>
      </div>
      <Table
        columns={columns}
        rows={backups ?? []}
        rowKey={(b) => b.path}
        empty={backups === null ? 'Loading…' : 'No backups yet. The first daily backup is made shortly after the app starts.'}
      />
      {mode === 'desktop' && (
        <Select
          label="When I close the window"
          options={closeOptions}
          value={closeAction}
          onChange={(v) => {
            setCloseAction(v);
            Data.SetCloseAction(v).catch((err: unknown) => toast.error('Could not save', errorMessage(err)));
          }}
          fieldClassName={styles.closeField}
        />
      )}
      <RestoreFromFile open={fromFile} onClose={() => setFromFile(false)} onRestore={(p) => restore(p, 'that backup was made')} />
    </Panel>
  );
}

/** Asks for the path of a backup file kept elsewhere (another disk, a download). */
function RestoreFromFile({
  open,
  onClose,
  onRestore,
}: {
  open: boolean;
  onClose: () => void;
  onRestore: (path: string) => Promise<boolean>;
}) {
  const [path, setPath] = useState('');
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Restore from a file"
      description="Give the full path of a Chatflow Studio backup (.db) on this computer."
      modalOnly
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={path.trim() === ''}
            onClick={() => {
              onClose();
              void onRestore(path.trim());
            }}
          >
            Restore…
          </Button>
        </>
      }
    >
      <TextField label="Backup file" mono value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/chatflow-backup.db" />
    </Dialog>
  );
}
