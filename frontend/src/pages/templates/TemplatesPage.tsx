import { FileText, RefreshCw, Search, Settings } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Badge, Button, EmptyState, Page, Spinner, Table, toast, type Column } from '../../components/ui';
import { languageName, sendable, statusInfo, type WaTemplate } from '../../components/template/model';
import { errorMessage } from '../../lib/errors';
import { relativeTime } from '../flows/relativeTime';
import { syncSummary, type TemplatesApi, type TemplatesView } from './api';
import { TemplateDetails } from './TemplateDetails';
import styles from './TemplatesPage.module.css';

type Filter = 'all' | 'approved' | 'other';

const keyOf = (t: WaTemplate) => `${t.name}\u0000${t.language}`;

/**
 * The Templates page: the business account's message templates as last
 * synced, a WhatsApp-bubble preview of the chosen one, and a sync on demand.
 * Rejected, paused and unsupported templates are listed too, marked as such.
 */
export function TemplatesPage({ api }: { api: TemplatesApi }) {
  const [view, setView] = useState<TemplatesView | null>(null);
  const [loadError, setLoadError] = useState('');
  const [syncing, setSyncing] = useState(false);
  const [selected, setSelected] = useState('');
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');

  const load = useCallback(async () => {
    try {
      setView(await api.list());
      setLoadError('');
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [api]);

  useEffect(() => {
    let live = true;
    api.list().then(
      (v) => live && setView(v),
      (err: unknown) => live && setLoadError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const sync = async () => {
    setSyncing(true);
    try {
      const r = await api.sync();
      setView(r);
      toast.success('Templates synced', syncSummary(r));
    } catch (err) {
      toast.error('Could not sync the templates', errorMessage(err));
      void load();
    } finally {
      setSyncing(false);
    }
  };

  const templates = useMemo(() => view?.templates ?? [], [view]);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return templates.filter(
      (t) =>
        (q === '' || t.name.toLowerCase().includes(q) || t.body.toLowerCase().includes(q)) &&
        (filter === 'all' || (filter === 'approved') === sendable(t)),
    );
  }, [templates, search, filter]);
  const current = shown.find((t) => keyOf(t) === selected) ?? shown[0];
  const missing = view?.missing ?? '';

  const columns: Column<WaTemplate>[] = [
    { key: 'name', header: 'Name', cell: (t) => <code className={styles.name}>{t.name}</code> },
    { key: 'language', header: 'Language', width: '30%', cell: (t) => languageName(t.language) },
    {
      key: 'status',
      header: 'Status',
      width: '128px',
      cell: (t) => {
        const s = statusInfo(t);
        return (
          <Badge tone={s.tone} dot>
            {s.label}
          </Badge>
        );
      },
    },
  ];

  const syncButton = (
    <Button
      variant="primary"
      icon={<RefreshCw size={15} />}
      loading={syncing}
      disabled={missing !== ''}
      title={missing !== '' ? missing : undefined}
      onClick={() => void sync()}
    >
      Sync from WhatsApp
    </Button>
  );
  return (
    <Page
      title="Templates"
      icon={<FileText size={18} />}
      description="Messages approved by WhatsApp: the only ones that reach a customer more than 24 hours after their last message."
      actions={
        <>
          {view !== null && view.syncedAt !== '' && (
            <span className={styles.synced} title={new Date(view.syncedAt).toLocaleString()}>
              Synced {relativeTime(view.syncedAt)}
            </span>
          )}
          {syncButton}
        </>
      }
      toolbar={
        templates.length > 0 ? (
          <div className={styles.toolbar}>
            <label className={styles.search}>
              <Search size={15} aria-hidden="true" />
              <input aria-label="Search templates" placeholder="Search templates" value={search} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <div className={styles.filters} role="group" aria-label="Show">
              {(
                [
                  ['all', 'All'],
                  ['approved', 'Ready to send'],
                  ['other', 'Not sendable'],
                ] as const
              ).map(([f, label]) => (
                <Button key={f} size="sm" variant={filter === f ? 'secondary' : 'ghost'} aria-pressed={filter === f} onClick={() => setFilter(f)}>
                  {label}
                </Button>
              ))}
            </div>
          </div>
        ) : undefined
      }
    >
      {loadError !== '' && (
        <p className={styles.error} role="alert">
          {loadError}
        </p>
      )}
      {view === null && loadError === '' && (
        <div className={styles.loading}>
          <Spinner label="Loading templates" />
        </div>
      )}
      {view !== null && templates.length === 0 && (
        <EmptyState
          fill
          icon={<FileText size={22} />}
          title={missing !== '' ? 'Connect your WhatsApp Business Account' : view.syncedAt === '' ? 'No templates yet' : 'Your account has no templates'}
          actions={
            missing !== '' ? (
              <Button icon={<Settings size={15} />} onClick={() => (window.location.hash = '#/settings')}>
                Open Settings
              </Button>
            ) : (
              syncButton
            )
          }
        >
          {missing !== ''
            ? `${missing} Templates are read from that account.`
            : view.syncedAt === ''
              ? 'Sync to bring in the templates of your WhatsApp Business Account.'
              : 'Create templates in WhatsApp Manager; once Meta approves them, sync again.'}
        </EmptyState>
      )}
      {templates.length > 0 && (
        <div className={styles.layout}>
          <Table
            label="Templates"
            columns={columns}
            rows={shown}
            rowKey={keyOf}
            selectedKey={current === undefined ? undefined : keyOf(current)}
            onRowClick={(t) => setSelected(keyOf(t))}
            empty={<p className={styles.faint}>No template matches.</p>}
          />
          {current !== undefined && <TemplateDetails template={current} />}
        </div>
      )}
    </Page>
  );
}
