import { ArrowRight, Search } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '../../components/ui';
import { sampleKind, type Mapping, type PathSample } from './model';
import { pathInWords } from './pathWords';
import styles from './ResponseView.module.css';

/** Props of StructureList. */
export interface StructureListProps {
  structure: PathSample[];
  mappings: Mapping[];
  /** Values the mappings produced in the last test, by attribute. */
  mapped?: Record<string, string>;
  onPick: (sample: PathSample) => void;
}

/**
 * Every path of the response (gjson syntax) with a sample value; clicking a
 * path maps it to an attribute. Mapped paths show their attribute.
 */
export function StructureList({ structure, mappings, mapped, onPick }: StructureListProps) {
  const [filter, setFilter] = useState('');
  const byPath = new Map<string, string[]>();
  for (const m of mappings) byPath.set(m.path, [...(byPath.get(m.path) ?? []), m.attribute]);
  const q = filter.trim().toLowerCase();
  const rows =
    q === ''
      ? structure
      : structure.filter((s) => [s.path, pathInWords(s.path), s.sample].some((text) => text.toLowerCase().includes(q)));
  return (
    <div className={styles.structure}>
      <label className={styles.filter}>
        <Search size={14} aria-hidden="true" />
        <input
          type="search"
          placeholder="Filter paths and values"
          aria-label="Filter paths"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className={styles.filterCount}>{rows.length} paths</span>
      </label>
      <ul className={styles.paths} aria-label="Response structure">
        {rows.map((s) => {
          const attrs = byPath.get(s.path) ?? [];
          const words = pathInWords(s.path);
          return (
            <li key={s.path}>
              <button
                type="button"
                className={styles.pathRow}
                onClick={() => onPick(s)}
                title={`Map ${words} to an attribute · path ${s.path}`}
              >
                <span className={styles.pathWords}>
                  <span className={styles.pathRoot}>{words}</span>
                  {words !== s.path && <code className={styles.path}>{s.path}</code>}
                </span>
                <span className={styles.pathType}>{sampleKind(s)}</span>
                <span className={styles.pathSample}>{s.sample}</span>
                {attrs.length > 0 ? (
                  <span className={styles.mappedTo}>
                    <ArrowRight size={12} aria-hidden="true" />
                    {attrs.map((a) => (
                      <Badge key={a} tone="accent" mono title={mapped?.[a] === undefined ? undefined : `Last value: ${mapped[a]}`}>
                        {a}
                      </Badge>
                    ))}
                  </span>
                ) : (
                  <span className={styles.mapHint}>Map…</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
