import { ArrowRight } from 'lucide-react';
import type { Mapping, PathSample } from './model';
import { mappingReads, pathInWords } from './pathWords';
import styles from './JsonTree.module.css';

/** Props of MapAffordance. */
export interface MapAffordanceProps {
  path: string;
  sample: PathSample;
  mappings: Mapping[];
  onMap?: (sample: PathSample) => void;
}

/**
 * What a value of the response tree offers for mapping: the attributes it
 * is already mapped to, and a "Map…" button that shows on hover or focus
 * (it stays in the tab order, so the keyboard reaches it too).
 */
export function MapAffordance({ path, sample, mappings, onMap }: MapAffordanceProps) {
  const words = pathInWords(path);
  const attrs = mappings.filter((m) => m.attribute !== '' && mappingReads(m.path, path));
  return (
    <>
      {attrs.length > 0 && (
        <span className={styles.mapped} data-testid="tree-mapped">
          <ArrowRight size={11} aria-hidden="true" />
          {attrs.map((m) => (
            <span key={`${m.path}-${m.attribute}`} className={styles.mappedName} title={`Saved in ${m.attribute} (path ${m.path})`}>
              {m.attribute}
            </span>
          ))}
        </span>
      )}
      {onMap !== undefined && (
        <button
          type="button"
          className={styles.mapButton}
          aria-label={`Map ${words}`}
          title={`Map ${words} to an attribute · path ${path}`}
          onClick={() => onMap(sample)}
        >
          Map…
        </button>
      )}
    </>
  );
}
