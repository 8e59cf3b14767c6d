import { Copy, Plug, Plus, Search, Terminal, Trash2 } from 'lucide-react';
import { Button, IconButton, Spinner } from '../../components/ui';
import type { app } from '../../lib/backend';
import { cx } from '../../lib/cx';
import { useFindShortcut } from '../../lib/useFindShortcut';
import { methodClass } from './model';
import styles from './ApiList.module.css';

/** Props of ApiList. */
export interface ApiListProps {
  list: app.APISummary[] | null;
  search: string;
  selected: number | 'new' | null;
  /** Name shown for the unsaved API at the top of the list. */
  newName: string | null;
  onSearch: (search: string) => void;
  onSelect: (id: number) => void;
  onNew: () => void;
  onImport: () => void;
  onDuplicate: (id: number) => void;
  onDelete: (api: app.APISummary) => void;
}

/** The left pane: search, add, import, and the saved APIs with duplicate and delete. */
export function ApiList(props: ApiListProps) {
  const { list, search, selected, newName } = props;
  const searchRef = useFindShortcut<HTMLInputElement>();
  return (
    <nav className={styles.pane} aria-label="Saved APIs">
      <div className={styles.top}>
        <label className={styles.search}>
          <Search size={14} aria-hidden="true" />
          <input ref={searchRef} type="search" aria-label="Search APIs" placeholder="Search APIs" value={search} onChange={(e) => props.onSearch(e.target.value)} />
        </label>
        <div className={styles.buttons}>
          <Button size="sm" variant="primary" icon={<Plus size={14} />} onClick={props.onNew}>
            New API
          </Button>
          <Button size="sm" icon={<Terminal size={14} />} onClick={props.onImport}>
            Import cURL
          </Button>
        </div>
      </div>
      <ul className={styles.list}>
        {newName !== null && (
          <li className={cx(styles.item, styles.selected)}>
            <span className={styles.row}>
              <span className={cx(styles.method, styles.methodNew)}>NEW</span>
              <span className={styles.text}>
                <span className={styles.name}>{newName === '' ? 'Untitled API' : newName}</span>
                <span className={styles.url}>Not saved yet</span>
              </span>
            </span>
          </li>
        )}
        {list === null && (
          <li className={styles.loading}>
            <Spinner label="Loading APIs" />
          </li>
        )}
        {list !== null && list.length === 0 && newName === null && (
          <li className={styles.none}>
            <Plug size={16} aria-hidden="true" />
            {search === '' ? 'No APIs yet.' : `Nothing matches “${search}”.`}
          </li>
        )}
        {list?.map((a) => (
          <li key={a.id} className={cx(styles.item, selected === a.id && styles.selected)}>
            <button
              type="button"
              className={styles.row}
              aria-current={selected === a.id ? 'true' : undefined}
              onClick={() => props.onSelect(a.id)}
            >
              <span className={cx(styles.method, styles[methodClass(a.method)])}>{a.method}</span>
              <span className={styles.text}>
                <span className={styles.name}>{a.name}</span>
                <span className={styles.url}>{a.url}</span>
              </span>
            </button>
            <span className={styles.actions}>
              <IconButton size="sm" label={`Duplicate ${a.name}`} icon={<Copy size={13} />} onClick={() => props.onDuplicate(a.id)} />
              <IconButton size="sm" label={`Delete ${a.name}`} icon={<Trash2 size={13} />} onClick={() => props.onDelete(a)} />
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
