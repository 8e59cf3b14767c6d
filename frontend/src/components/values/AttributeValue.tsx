import { parseStructured, type Structured } from './structured';
import styles from './AttributeValue.module.css';

/** How many items a list shows before "…and N more". */
export const shownItems = 20;

/** How many fields of an object item become columns. */
const maxColumns = 5;

/** Props of AttributeValue. */
export interface AttributeValueProps {
  value: string;
  /** The attribute's type when known ("list"); values that hold JSON are recognised without it. */
  type?: string;
}

/**
 * An attribute's value as the simulator's session panel and the inbox show
 * it: text as it is; a list as "14 items" that opens into a table of its
 * items; an object (the item a dynamic row saved) as its fields.
 */
export function AttributeValue({ value, type }: AttributeValueProps) {
  const parsed = parseStructured(value, type === 'list');
  if (parsed === null) return <>{value}</>;
  if (parsed.kind === 'object') return <ObjectFields fields={parsed.fields} />;
  return <ListValue list={parsed} />;
}

function ObjectFields({ fields }: { fields: [string, string][] }) {
  return (
    <span className={styles.object}>
      {fields.map(([k, v]) => (
        <span key={k} className={styles.field}>
          <span className={styles.key}>{k}</span> {v}
        </span>
      ))}
    </span>
  );
}

function ListValue({ list }: { list: Extract<Structured, { kind: 'list' }> }) {
  const n = list.items.length;
  const summary = n === 0 ? 'empty list' : `${n} ${n === 1 ? 'item' : 'items'}`;
  if (n === 0) return <span className={styles.summary}>{summary}</span>;
  const shown = list.items.slice(0, shownItems);
  const columns = list.columns.slice(0, maxColumns);
  return (
    <details className={styles.list}>
      <summary className={styles.summary}>{summary}</summary>
      {columns.length > 0 ? (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">#</th>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((item, i) => (
                <tr key={i}>
                  <td className={styles.index}>{i}</td>
                  {columns.map((c) => (
                    <td key={c}>{item.fields?.[c] ?? item.text}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ol className={styles.items} start={0}>
          {shown.map((item, i) => (
            <li key={i}>{item.text}</li>
          ))}
        </ol>
      )}
      {n > shown.length && <p className={styles.more}>…and {n - shown.length} more</p>}
    </details>
  );
}
