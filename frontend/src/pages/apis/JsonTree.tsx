import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { cx } from '../../lib/cx';
import styles from './JsonTree.module.css';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const pageSize = 100;

/** Props of JsonTree. */
export interface JsonTreeProps {
  /** JSON text; shown raw when it does not parse. */
  text: string;
  /** Levels open at first (the root is level 0). */
  openDepth?: number;
}

/** A response body as a collapsible tree: objects and arrays fold, values are coloured by type. */
export function JsonTree({ text, openDepth = 2 }: JsonTreeProps) {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return <pre className={styles.raw}>{text}</pre>;
  }
  return (
    <ul className={styles.tree} aria-label="Response body">
      <Node name={null} value={value} depth={0} openDepth={openDepth} last />
    </ul>
  );
}

interface NodeProps {
  /** The member name, the array index, or null for the root. */
  name: string | null;
  /** Whether name is an array index (shown dimmer). */
  index?: boolean;
  value: Json;
  depth: number;
  openDepth: number;
  last: boolean;
}

function Node({ name, index = false, value, depth, openDepth, last }: NodeProps) {
  const [open, setOpen] = useState(depth < openDepth);
  const [limit, setLimit] = useState(pageSize);
  const comma = last ? '' : ',';
  const key = name === null ? null : <span className={index ? styles.index : styles.key}>{name}</span>;

  if (value === null || typeof value !== 'object') {
    return (
      <li className={styles.leaf}>
        {key}
        {key !== null && <span className={styles.punct}>: </span>}
        <Scalar value={value} />
        <span className={styles.punct}>{comma}</span>
      </li>
    );
  }

  const isArray = Array.isArray(value);
  const entries: [string, Json][] = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const [openB, closeB] = isArray ? ['[', ']'] : ['{', '}'];
  const summary = isArray ? `${entries.length} item${entries.length === 1 ? '' : 's'}` : `${entries.length} key${entries.length === 1 ? '' : 's'}`;

  if (entries.length === 0) {
    return (
      <li className={styles.leaf}>
        {key}
        {key !== null && <span className={styles.punct}>: </span>}
        <span className={styles.punct}>
          {openB}
          {closeB}
          {comma}
        </span>
      </li>
    );
  }

  return (
    <li className={styles.branch}>
      <button type="button" className={styles.toggle} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <ChevronRight size={12} className={cx(styles.chevron, open && styles.chevronOpen)} aria-hidden="true" />
        {key}
        {key !== null && <span className={styles.punct}>: </span>}
        <span className={styles.punct}>{openB}</span>
        {!open && (
          <>
            <span className={styles.summary}>{summary}</span>
            <span className={styles.punct}>
              {closeB}
              {comma}
            </span>
          </>
        )}
      </button>
      {open && (
        <>
          <ul className={styles.children}>
            {entries.slice(0, limit).map(([k, v], i) => (
              <Node
                key={k}
                name={k}
                index={isArray}
                value={v}
                depth={depth + 1}
                openDepth={openDepth}
                last={i === entries.length - 1}
              />
            ))}
            {entries.length > limit && (
              <li>
                <button type="button" className={styles.more} onClick={() => setLimit((l) => l + pageSize)}>
                  Show {Math.min(pageSize, entries.length - limit)} more of {entries.length - limit}
                </button>
              </li>
            )}
          </ul>
          <span className={styles.punct}>
            {closeB}
            {comma}
          </span>
        </>
      )}
    </li>
  );
}

function Scalar({ value }: { value: null | boolean | number | string }) {
  if (value === null) return <span className={styles.null}>null</span>;
  if (typeof value === 'boolean') return <span className={styles.bool}>{String(value)}</span>;
  if (typeof value === 'number') return <span className={styles.number}>{String(value)}</span>;
  return <span className={styles.string}>{JSON.stringify(value)}</span>;
}
