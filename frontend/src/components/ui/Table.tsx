import type { KeyboardEvent, ReactNode } from 'react';
import { cx } from '../../lib/cx';
import styles from './Table.module.css';

/** One column of a Table. */
export interface Column<T> {
  key: string;
  header: ReactNode;
  /** Renders the cell of one row. */
  cell: (row: T) => ReactNode;
  /** CSS width such as "160px" or "30%". */
  width?: string;
  align?: 'left' | 'right' | 'center';
  /** Uses the monospace font for the cells. */
  mono?: boolean;
}

/** Props of Table. */
export interface TableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Makes rows clickable and reachable with Tab; Enter or Space opens them too. */
  onRowClick?: (row: T) => void;
  /** Key of the highlighted row. */
  selectedKey?: string;
  /** Shown in place of the rows when there are none. */
  empty?: ReactNode;
  /** Accessible name of the table. */
  label?: string;
  className?: string;
}

/** A simple data table with sticky headers and optional row selection. */
export function Table<T>({ columns, rows, rowKey, onRowClick, selectedKey, empty, label, className }: TableProps<T>) {
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, row: T) => {
    if (onRowClick !== undefined && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onRowClick(row);
    }
  };
  return (
    <div className={cx(styles.wrap, className)}>
      <table className={styles.table} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" style={{ width: c.width, textAlign: c.align }}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty !== undefined ? (
            <tr>
              <td colSpan={columns.length} className={styles.empty}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => {
              const key = rowKey(row);
              const clickable = onRowClick !== undefined;
              return (
                <tr
                  key={key}
                  className={cx(clickable && styles.clickable, key === selectedKey && styles.selected)}
                  aria-selected={clickable ? key === selectedKey : undefined}
                  tabIndex={clickable ? 0 : undefined}
                  onClick={clickable ? () => onRowClick(row) : undefined}
                  onKeyDown={clickable ? (e) => onKeyDown(e, row) : undefined}
                >
                  {columns.map((c) => (
                    <td key={c.key} className={cx(c.mono === true && styles.mono)} style={{ textAlign: c.align }}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
