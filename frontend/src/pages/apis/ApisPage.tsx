import { Plug, Plus, Terminal } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button, confirm, EmptyState, Page, SplitPane, toast } from '../../components/ui';
import { onEvent, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { ApiEditor } from './ApiEditor';
import { ApiList } from './ApiList';
import { selectDirty, useApisStore } from './apisStore';
import { ImportCurlDialog } from './ImportCurlDialog';
import type { ApiDraft } from './model';
import { useUnsavedGuard } from './useUnsavedGuard';
import styles from './ApisPage.module.css';

/** The Go event sent after an API is saved or deleted anywhere. */
const apisChangedEvent = 'apis:changed';

/**
 * "Your APIs", Postman-like: saved APIs on the left; on the right the editor
 * with the tester, the response, its structure for mapping, and the call log.
 */
export function ApisPage() {
  const list = useApisStore((s) => s.list);
  const search = useApisStore((s) => s.search);
  const selected = useApisStore((s) => s.selected);
  const draftName = useApisStore((s) => s.draft.name);
  const dirty = useApisStore(selectDirty);
  const { loadList, setSearch, open, startNew, duplicate, remove } = useApisStore.getState();
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void loadList();
    return onEvent(apisChangedEvent, () => void loadList());
  }, [loadList]);

  const discardOk = useUnsavedGuard(dirty, draftName);

  const guarded = (action: () => void) => async () => {
    if (await discardOk()) action();
  };

  const deleteApi = async (id: number, name: string) => {
    const ok = await confirm({
      title: `Delete ${name}?`,
      message: 'Its call log goes too. Flows that call it must be changed first.',
      confirmLabel: 'Delete API',
      danger: true,
    });
    if (!ok) return;
    try {
      await remove(id);
      toast.success(`Deleted ${name}`);
    } catch (err) {
      toast.error(`Could not delete ${name}`, errorMessage(err));
    }
  };

  const duplicateApi = async (id: number) => {
    if (!(await discardOk())) return;
    try {
      await duplicate(id);
    } catch (err) {
      toast.error('Could not duplicate the API', errorMessage(err));
    }
  };

  const nothingYet = list !== null && list.length === 0 && search === '' && selected === null;

  return (
    <Page title="APIs" icon={<Plug size={18} />} description="Outside JSON APIs your flows can call." fullBleed>
      {nothingYet ? (
        <EmptyState
          fill
          icon={<Plug size={22} />}
          title="Connect your outside APIs"
          actions={
            <>
              <Button variant="primary" icon={<Plus size={15} />} onClick={() => startNew()}>
                New API
              </Button>
              <Button icon={<Terminal size={15} />} onClick={() => setImporting(true)}>
                Import cURL
              </Button>
            </>
          }
          hint="Tip: in any field, type / to insert an attribute such as {{order_id}}."
        >
          Describe the JSON APIs your flows call — an order lookup, a booking system, a CRM. Send a test request, look at the
          response, and map its fields to attributes your messages can use.
        </EmptyState>
      ) : (
        <SplitPane defaultSize={290} minSize={220} maxSize={480} label="Resize the API list" className={styles.split}>
          <ApiList
            list={list}
            search={search}
            selected={selected}
            newName={selected === 'new' ? draftName : null}
            onSearch={setSearch}
            onSelect={(id) => void guarded(() => void open(id))()}
            onNew={() => void guarded(() => startNew())()}
            onImport={() => void guarded(() => setImporting(true))()}
            onDuplicate={(id) => void duplicateApi(id)}
            onDelete={(a: app.APISummary) => void deleteApi(a.id, a.name)}
          />
          {selected === null ? (
            <EmptyState fill icon={<Plug size={22} />} title="Choose an API" actions={<Button onClick={() => startNew()}>New API</Button>}>
              Pick an API on the left to edit and test it, or start a new one.
            </EmptyState>
          ) : (
            <ApiEditor onDuplicate={(id) => void duplicateApi(id)} onDelete={(id, name) => void deleteApi(id, name)} />
          )}
        </SplitPane>
      )}
      {importing && (
        <ImportCurlDialog
          onClose={() => setImporting(false)}
          onImported={(draft: ApiDraft) => {
            setImporting(false);
            startNew(draft);
            toast.success('Imported the curl command', 'Check it, name it and save.');
          }}
        />
      )}
    </Page>
  );
}
