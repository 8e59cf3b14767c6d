import { Check, Copy, Play, Save, Square, Trash2 } from 'lucide-react';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { PlaceholderInput } from '../../components/placeholder';
import { Badge, Button, IconButton, SplitPane, Tabs } from '../../components/ui';
import { cx } from '../../lib/cx';
import { selectDirty, useApisStore } from './apisStore';
import { AuthEditor } from './AuthEditor';
import { BodyEditor } from './BodyEditor';
import { CallLogView } from './CallLogView';
import { KeyValueEditor } from './KeyValueEditor';
import { MappingsEditor } from './MappingsEditor';
import { MapPathDialog } from './MapPathDialog';
import { draftPlaceholders, methodClass, methods, type PathSample } from './model';
import { canonicalUrl, joinUrl, mergeQueryRows, splitUrl } from './queryString';
import { ResponseView } from './ResponseView';
import { SettingsEditor } from './SettingsEditor';
import { TestValues } from './TestValues';
import listStyles from './ApiList.module.css';
import styles from './ApiEditor.module.css';

/** The Body tab's badge per body type. */
const bodyBadges: Record<string, string> = { json: 'JSON', form: 'Form', multipart: 'Multipart', text: 'Text' };

/**
 * The starting height of the request tabs. Once there is a response to read,
 * about a third of what the window leaves below the URL, so at 1280 x 720
 * the response keeps ~300 px and at 1440 x 900 both get room (issue 14,
 * finding 7); before that, most of it, since the response pane would only
 * say "No response yet". The divider moves it.
 */
function requestPaneSize(hasResponse: boolean): number {
  const below = window.innerHeight - 240;
  if (!hasResponse) return Math.round(Math.min(480, Math.max(150, below * 0.62)));
  return Math.round(Math.min(300, Math.max(150, below * 0.36)));
}

/** Props of ApiEditor. */
export interface ApiEditorProps {
  onDuplicate: (id: number) => void;
  onDelete: (id: number, name: string) => void;
}

/**
 * The right pane: name and save state, method and URL with Test, the test
 * values, the request tabs (Query, Headers, Body, Auth, Settings, Mappings,
 * Log) and the response.
 */
export function ApiEditor({ onDuplicate, onDelete }: ApiEditorProps) {
  const draft = useApisStore((s) => s.draft);
  const dirty = useApisStore(selectDirty);
  const saving = useApisStore((s) => s.saving);
  const saveError = useApisStore((s) => s.saveError);
  const warnings = useApisStore((s) => s.warnings);
  const testing = useApisStore((s) => s.testing);
  const testError = useApisStore((s) => s.testError);
  const response = useApisStore((s) => s.response);
  const hasResponse = response !== null;
  const paneSize = useMemo(() => requestPaneSize(hasResponse), [hasResponse]);
  const testValues = useApisStore((s) => s.testValues);
  const logVersion = useApisStore((s) => s.logVersion);
  const { edit, save, runTest, cancelTest, setTestValue, addMapping } = useApisStore.getState();
  const [tab, setTab] = useState('query');
  const [mapTarget, setMapTarget] = useState<PathSample | null>(null);

  // The URL is shown with the Query rows joined on. What the user typed is
  // kept as typed ("?a" rather than "?a=") while it still means the same
  // rows; an edit in the Query tab rewrites it.
  const [typed, setTyped] = useState<{ id: number | undefined; text: string } | null>(null);
  const composed = joinUrl(draft.url, draft.query);
  const shownUrl =
    typed !== null && typed.id === draft.id && canonicalUrl(typed.text) === composed
      ? typed.text
      : composed;
  const names = draftPlaceholders(draft);
  const structure = response?.kind === 'test' ? response.result.structure : response?.kind === 'sample' ? response.structure : [];
  const enabled = (rows: { key: string; disabled?: boolean }[]) => rows.filter((r) => r.key !== '' && r.disabled !== true).length;
  const count = (n: number) => (n === 0 ? undefined : n);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.ctrlKey || e.metaKey)) return;
    // Keys typed in a dialog opened from here (map, create attribute) reach
    // this handler through React's portal bubbling; they are the dialog's.
    if (e.target instanceof Element && e.target.closest('[role="dialog"]') !== null) return;
    if (e.key === 's') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!testing) void runTest();
    }
  };

  const pickPath = (path: string) => {
    setMapTarget(structure.find((s) => s.path === path) ?? { path, sample: '', type: 'string' });
  };

  return (
    <div className={styles.editor} onKeyDown={onKeyDown}>
      <header className={styles.header}>
        <input
          className={styles.nameInput}
          aria-label="API name"
          placeholder="Name this API, e.g. Order status"
          value={draft.name}
          onChange={(e) => edit((d) => ({ ...d, name: e.target.value }))}
        />
        <span className={styles.saveState} role="status" data-testid="save-state">
          {saving ? (
            'Saving…'
          ) : dirty ? (
            <Badge tone="warning" dot>
              {draft.id === undefined ? 'Not saved yet' : 'Unsaved changes'}
            </Badge>
          ) : draft.id !== undefined ? (
            <span className={styles.saved}>
              <Check size={13} aria-hidden="true" /> Saved
            </span>
          ) : null}
        </span>
        {draft.id !== undefined && (
          <>
            <IconButton label="Duplicate" icon={<Copy size={15} />} onClick={() => draft.id !== undefined && onDuplicate(draft.id)} />
            <IconButton label="Delete" icon={<Trash2 size={15} />} onClick={() => draft.id !== undefined && onDelete(draft.id, draft.name)} />
          </>
        )}
        <Button variant="primary" icon={<Save size={15} />} loading={saving} disabled={!dirty && draft.id !== undefined} onClick={() => void save()} title="Save (Ctrl+S)">
          Save
        </Button>
      </header>
      {saveError !== '' && (
        <div className={styles.banner} role="alert">
          {saveError}
        </div>
      )}
      {warnings.length > 0 && !dirty && (
        <ul className={styles.warnings} aria-label="Warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className={styles.requestBar}>
        <select
          aria-label="Method"
          className={cx(styles.method, listStyles[methodClass(draft.method)])}
          value={draft.method}
          onChange={(e) => edit((d) => ({ ...d, method: e.target.value }))}
        >
          {methods.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <PlaceholderInput
          aria-label="URL"
          mono
          wrapperClassName={styles.url}
          placeholder="https://shop.example/api/orders  — type {{ or a space and / for an attribute"
          value={shownUrl}
          onChange={(text) => {
            setTyped({ id: draft.id, text });
            const { base, rows } = splitUrl(text);
            edit((d) => ({ ...d, url: base, query: mergeQueryRows(d.query, rows) }));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !testing) void runTest();
          }}
        />
        {testing ? (
          <Button icon={<Square size={14} />} onClick={() => void cancelTest()}>
            Cancel
          </Button>
        ) : (
          <Button variant="primary" icon={<Play size={14} />} onClick={() => void runTest()} title="Send a test request (Ctrl+Enter)">
            Test
          </Button>
        )}
      </div>
      <TestValues names={names} values={testValues} onChange={setTestValue} />
      {testError !== '' && (
        <div className={styles.banner} role="alert">
          {testError}
        </div>
      )}
      <SplitPane orientation="vertical" defaultSize={paneSize} minSize={120} maxSize={720} label="Resize request and response" className={styles.split}>
        <div className={styles.config}>
          <Tabs
            label="Request"
            value={tab}
            onChange={setTab}
            className={styles.tabs}
            items={[
              { id: 'query', label: 'Query', badge: count(enabled(draft.query)) },
              { id: 'headers', label: 'Headers', badge: count(enabled(draft.headers)) },
              { id: 'body', label: 'Body', badge: bodyBadges[draft.bodyType] },
              { id: 'auth', label: 'Auth', badge: draft.auth.type === 'none' ? undefined : '●' },
              { id: 'settings', label: 'Settings' },
              { id: 'mappings', label: 'Mappings', badge: count(draft.mappings.filter((m) => m.path !== '').length) },
              { id: 'log', label: 'Log' },
            ]}
          >
            {tab === 'query' && (
              <>
                <KeyValueEditor
                  noun="parameter"
                  keyPlaceholder="lang"
                  valuePlaceholder="en — or / for an attribute"
                  rows={draft.query}
                  onChange={(query) => edit((d) => ({ ...d, query }))}
                />
                <p className={styles.muted}>The URL’s query string, row by row: typing in either changes the other. Untick a row to leave it out of the URL.</p>
              </>
            )}
            {tab === 'headers' && (
              <>
                <KeyValueEditor
                  noun="header"
                  keyPlaceholder="Accept"
                  valuePlaceholder="application/json"
                  rows={draft.headers}
                  onChange={(headers) => edit((d) => ({ ...d, headers }))}
                />
                <p className={styles.muted}>
                  Sent as typed. Content-Type follows the body and Accept defaults to JSON unless you set them; use the Auth tab
                  for credentials so they stay masked.
                </p>
              </>
            )}
            {tab === 'body' && (
              <BodyEditor
                body={draft.body}
                bodyType={draft.bodyType}
                parts={draft.parts ?? []}
                method={draft.method}
                onChange={(body, bodyType) => edit((d) => ({ ...d, body, bodyType }))}
                onPartsChange={(parts) => edit((d) => ({ ...d, parts }))}
              />
            )}
            {tab === 'auth' && <AuthEditor auth={draft.auth} onChange={(auth) => edit((d) => ({ ...d, auth }))} />}
            {tab === 'settings' && (
              <SettingsEditor
                timeoutMs={draft.timeoutMs}
                followRedirects={draft.followRedirects}
                method={draft.method}
                retry={draft.retry}
                onChange={(timeoutMs, followRedirects) => edit((d) => ({ ...d, timeoutMs, followRedirects }))}
                onRetryChange={(retry) => edit((d) => ({ ...d, retry }))}
              />
            )}
            {tab === 'mappings' && (
              <MappingsEditor
                mappings={draft.mappings}
                structure={structure}
                onChange={(mappings) => edit((d) => ({ ...d, mappings }))}
                onCreateAttribute={pickPath}
              />
            )}
            {tab === 'log' && <CallLogView apiId={draft.id} version={logVersion} />}
          </Tabs>
        </div>
        <ResponseView
          response={response}
          testing={testing}
          mappings={draft.mappings}
          onPickPath={(s) => setMapTarget(s)}
        />
      </SplitPane>
      {mapTarget !== null && (
        <MapPathDialog
          sample={mapTarget}
          current={draft.mappings.find((m) => m.path === mapTarget.path)?.attribute}
          onClose={() => setMapTarget(null)}
          onMap={(attribute, path) => {
            addMapping(path, attribute);
            setMapTarget(null);
          }}
        />
      )}
    </div>
  );
}
