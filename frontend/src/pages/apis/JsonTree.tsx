import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { cx } from '../../lib/cx';
import type { Mapping, PathSample } from './model';
import { MapAffordance } from './MapAffordance';
import { childPath } from './pathWords';
import styles from './JsonTree.module.css';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const pageSize = 100;

/** Props of JsonTree. */
export interface JsonTreeProps {
  /** JSON text; shown raw when it does not parse. */
  text: string;
  /** Levels open at first (the root is level 0). */
  openDepth?: number;
  /** Called with a value's path and sample when its "Map…" button is pressed; without it the tree only shows. */
  onMap?: (sample: PathSample) => void;
  /** The API's mappings, shown beside the values they read. */
  mappings?: Mapping[];
}

/** What every node of one tree shares. */
interface TreeContext {
  openDepth: number;
  onMap?: (sample: PathSample) => void;
  mappings: Mapping[];
}

/** A response body as a collapsible tree: objects and arrays fold, values are coloured by type. */
export function JsonTree({ text, openDepth = 2, onMap, mappings = [] }: JsonTreeProps) {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return <pre className={styles.raw}>{text}</pre>;
  }
  return (
    <ul className={styles.tree} aria-label="Response body">
      <Node name={null} path="" value={value} depth={0} tree={{ openDepth, onMap, mappings }} last />
    </ul>
  );
}

interface NodeProps {
  /** The member name, the array index, or null for the root. */
  name: string | null;
  /** The gjson path of the value ('' for the root). */
  path: string;
  /** Whether name is an array index (shown dimmer). */
  index?: boolean;
  value: Json;
  depth: number;
  tree: TreeContext;
  last: boolean;
}

function Node({ name, path, index = false, value, depth, tree, last }: NodeProps) {
  const [open, setOpen] = useState(depth < tree.openDepth);
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
        {path !== '' && <MapAffordance path={path} sample={leafSample(path, value)} onMap={tree.onMap} mappings={tree.mappings} />}
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
        {Array.isArray(value) && path !== '' && <MapAffordance path={path} sample={listSample(path, value)} onMap={tree.onMap} mappings={tree.mappings} />}
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
      {Array.isArray(value) && path !== '' && <MapAffordance path={path} sample={listSample(path, value)} onMap={tree.onMap} mappings={tree.mappings} />}
      {open && (
        <>
          <ul className={styles.children}>
            {entries.slice(0, limit).map(([k, v], i) => (
              <Node
                key={k}
                name={k}
                path={childPath(path, k, isArray)}
                index={isArray}
                value={v}
                depth={depth + 1}
                tree={tree}
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

/** A scalar's path sample, typed the way the backend's structure types it. */
function leafSample(path: string, value: null | boolean | number | string): PathSample {
  const type = value === null ? 'null' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
  return { path, sample: value === null ? 'null' : String(value), type };
}

/** A list's path sample: its compact JSON (cut short) and length. */
function listSample(path: string, value: Json[]): PathSample {
  const text = JSON.stringify(value);
  return { path, sample: text.length > 120 ? `${text.slice(0, 119)}…` : text, type: 'array', items: value.length };
}
