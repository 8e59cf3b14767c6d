import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useAttributeList } from '../../../components/placeholder/attributeList';
import type { AttributeOption } from '../../../components/placeholder/placeholders';
import { IconButton, Select } from '../../../components/ui';
import { errorMessage } from '../../../lib/errors';
import { previewRows, type RowsPreview } from '../../api';
import type { Problem } from '../../model';
import { AttributeSelect } from './AttributeSelect';
import { TemplateField } from './TemplateField';
import { fieldError } from './problems';
import styles from './DynamicRows.module.css';

/** The fields of a node whose rows come from a list attribute. */
export interface DynamicRowsData {
  rowsFrom: string;
  rowTitle: string;
  rowDescription?: string;
  rowId: string;
  attribute: string;
}

/** Props of DynamicRows. */
export interface DynamicRowsProps {
  /** The node, for the preview (rendered by Go's own row builder). */
  node: { id: string; type: 'buttons' | 'list'; data: DynamicRowsData };
  update: (patch: Partial<DynamicRowsData>, key?: string) => void;
  problems: Problem[];
  /** WhatsApp's title limit of one row or button. */
  titleLimit: number;
}

/** The names a row template binds besides the attributes. */
const itemNames: AttributeOption[] = [
  { name: 'item', type: 'item', description: 'This row’s item; item.time reads its time field.', builtIn: true },
  { name: 'index', type: 'number', description: 'The item’s number in the list, from 1.', builtIn: true },
];

/**
 * Edits the rows-from-a-list mode of a buttons or list node: the list, the
 * title, description and id templates per item, where the chosen item is
 * saved, and a preview of the rows from the API's saved sample response.
 */
export function DynamicRows({ node, update, problems, titleLimit }: DynamicRowsProps) {
  const d = node.data;
  const lists = useAttributeList().filter((a) => !a.builtIn && a.type === 'list');
  const options = lists.map((a) => ({ value: a.name, label: a.name }));
  if (d.rowsFrom !== '' && !lists.some((a) => a.name === d.rowsFrom)) {
    options.unshift({ value: d.rowsFrom, label: `${d.rowsFrom} · not a list` });
  }
  const isList = node.type === 'list';
  return (
    <>
      <Select
        label="List"
        value={d.rowsFrom}
        onChange={(rowsFrom) => update({ rowsFrom })}
        options={options}
        placeholder="Choose a list attribute…"
        required
        hint={
          lists.length === 0
            ? 'Create a list attribute on the Attributes page and map an API’s array into it.'
            : 'One row per item, such as the time slots an API returned.'
        }
        error={fieldError(problems, 'rowsFrom')}
      />
      <TemplateField
        label={isList ? 'Row title' : 'Button title'}
        singleLine
        value={d.rowTitle}
        onChange={(rowTitle) => update({ rowTitle }, 'rowTitle')}
        extraNames={itemNames}
        placeholder="{{item.time}}"
        hint={`Per item: {{item.time}} is a field of the item, {{index}} its number. Longer titles are shortened to ${titleLimit} characters.`}
        error={fieldError(problems, 'rowTitle')}
      />
      {isList && (
        <TemplateField
          label="Row description"
          singleLine
          value={d.rowDescription ?? ''}
          onChange={(rowDescription) => update({ rowDescription }, 'rowDescription')}
          extraNames={itemNames}
          placeholder="{{item.room}}"
          hint="Optional: a second line under the title."
          error={fieldError(problems, 'rowDescription')}
        />
      )}
      <TemplateField
        label="Row id"
        singleLine
        mono
        value={d.rowId}
        onChange={(rowId) => update({ rowId }, 'rowId')}
        extraNames={itemNames}
        placeholder="{{item.id}}"
        hint="Optional: what WhatsApp sends back for the row; empty uses the item’s position."
        error={fieldError(problems, 'rowId')}
      />
      <AttributeSelect
        label="Save the chosen item in"
        optional
        value={d.attribute}
        onChange={(attribute) => update({ attribute })}
        placeholder="Don't save the choice"
        hint="Optional: keeps the whole item, so {{chosen.price}} reads its price later."
        error={fieldError(problems, 'attribute')}
      />
      <RowsPreviewPanel node={node} />
    </>
  );
}

/** Loads the preview a moment after the fields stop changing. */
function usePreview(node: DynamicRowsProps['node']): { preview: RowsPreview | null; error: string } {
  const [state, setState] = useState<{ preview: RowsPreview | null; error: string }>({ preview: null, error: '' });
  const { id, type } = node;
  const { rowsFrom, rowTitle, rowDescription, rowId } = node.data;
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      previewRows({ id, type, data: { rowsFrom, rowTitle, rowDescription: rowDescription ?? '', rowId } })
        .then((preview) => live && setState({ preview, error: '' }))
        .catch((err: unknown) => live && setState({ preview: null, error: errorMessage(err) }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, type, rowsFrom, rowTitle, rowDescription, rowId]);
  return state;
}

/** The rows as the customer would get them, one message (page) at a time. */
function RowsPreviewPanel({ node }: { node: DynamicRowsProps['node'] }) {
  const { preview, error } = usePreview(node);
  const [page, setPage] = useState(0);
  const pages = preview?.pages ?? [];
  const shown = Math.min(page, Math.max(pages.length - 1, 0));
  const rows = pages[shown] ?? [];
  return (
    <section className={styles.preview} aria-label="Rows preview" data-testid="rows-preview">
      <header className={styles.head}>
        <span className={styles.title}>Preview</span>
        {pages.length > 1 && (
          <span className={styles.pager}>
            <IconButton label="Previous message" size="sm" icon={<ChevronLeft size={14} />} disabled={shown === 0} onClick={() => setPage(shown - 1)} />
            <span>
              Message {shown + 1} of {pages.length}
            </span>
            <IconButton
              label="Next message"
              size="sm"
              icon={<ChevronRight size={14} />}
              disabled={shown >= pages.length - 1}
              onClick={() => setPage(shown + 1)}
            />
          </span>
        )}
      </header>
      {error !== '' && <p className={styles.note}>{error}</p>}
      {preview !== null && preview.note !== '' && <p className={styles.note}>{preview.note}</p>}
      {rows.length > 0 && (
        <>
          <p className={styles.source}>
            From the saved sample of <strong>{preview?.api}</strong>: {preview?.items} items
            {pages.length > 1 ? `, ${pages.length} messages` : ''}.
          </p>
          <ol className={styles.rows}>
            {rows.map((r) => (
              <li key={r.id} className={r.id === 'more' ? styles.more : undefined}>
                <span className={styles.rowTitle}>{r.title}</span>
                {r.description !== '' && <span className={styles.rowDescription}>{r.description}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
