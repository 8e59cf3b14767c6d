import { ArrowRight, Plus, Trash2 } from 'lucide-react';
import { useAttributeList } from '../../components/placeholder';
import { Button, EmptyState, IconButton, Select, TextField } from '../../components/ui';
import { sampleKind, type Mapping, type PathSample } from './model';
import { typeLabel } from '../../components/attribute';
import { pathInWords } from './pathWords';
import styles from './ApiEditor.module.css';

/** Props of MappingsEditor. */
export interface MappingsEditorProps {
  mappings: Mapping[];
  structure: PathSample[];
  onChange: (mappings: Mapping[]) => void;
  /** Opens the dialog that creates an attribute and maps the path to it. */
  onCreateAttribute: (path: string) => void;
}

/**
 * The Mappings tab: response paths (gjson syntax) copied into attributes
 * after each call. Rows can be typed by hand or added from the Structure list.
 */
export function MappingsEditor({ mappings, structure, onChange, onCreateAttribute }: MappingsEditorProps) {
  const attributes = useAttributeList().filter((a) => !a.builtIn);
  const samples = new Map(structure.map((s) => [s.path, s]));
  const set = (i: number, m: Mapping) => onChange(mappings.map((x, j) => (j === i ? m : x)));
  const options = attributes.map((a) => ({ value: a.name, label: `${a.name} (${typeLabel(a.type)})` }));

  if (mappings.length === 0) {
    return (
      <EmptyState
        compact
        title="No mappings yet"
        actions={
          <Button icon={<Plus size={15} />} onClick={() => onChange([{ path: '', attribute: '' }])}>
            Add mapping
          </Button>
        }
      >
        Run a test, then press <strong>Map…</strong> beside a value of the response to save it in an attribute — or add one
        by hand.
      </EmptyState>
    );
  }
  return (
    <div className={styles.mappings}>
      {mappings.map((m, i) => {
        const sample = samples.get(m.path);
        const missing = m.attribute !== '' && !attributes.some((a) => a.name === m.attribute);
        return (
          <div key={i} className={styles.mappingRow}>
            <TextField
              mono
              aria-label={`Mapping ${i + 1} path`}
              placeholder="order.status"
              value={m.path}
              onChange={(e) => set(i, { ...m, path: e.target.value })}
              hint={mappingHint(m.path, sample)}
            />
            <ArrowRight size={15} className={styles.arrow} aria-hidden="true" />
            <Select
              aria-label={`Mapping ${i + 1} attribute`}
              value={m.attribute}
              placeholder="Choose an attribute…"
              options={missing ? [...options, { value: m.attribute, label: `${m.attribute} (missing)` }] : options}
              error={missing ? 'This attribute does not exist.' : undefined}
              onChange={(attribute) => set(i, { ...m, attribute })}
            />
            <Button size="sm" variant="ghost" onClick={() => onCreateAttribute(m.path)} disabled={m.path.trim() === ''}>
              New attribute…
            </Button>
            <IconButton
              size="sm"
              label={`Remove mapping ${i + 1}`}
              icon={<Trash2 size={14} />}
              onClick={() => onChange(mappings.filter((_, j) => j !== i))}
            />
          </div>
        );
      })}
      <div>
        <Button size="sm" icon={<Plus size={14} />} onClick={() => onChange([...mappings, { path: '', attribute: '' }])}>
          Add mapping
        </Button>
      </div>
      <p className={styles.muted}>
        Paths use gjson syntax: <code>order.status</code>, <code>items.0.name</code> (first item), <code>items.#.name</code>{' '}
        (all names), <code>items.#</code> (count). A path that gives a list — <code>slots</code>,{' '}
        <code>{'orders.#(status=="open")#'}</code> — fills a list attribute. <code>@status</code>,{' '}
        <code>@headers.X-Total-Count</code> and <code>@body</code> read the status, a header and the whole body. A missing
        path leaves the attribute unchanged.
      </p>
    </div>
  );
}

/** What a mapping row says under its path: the path in words and, after a test, a sample of its value. */
function mappingHint(path: string, sample: PathSample | undefined): string | undefined {
  if (path.trim() === '') return undefined;
  const words = pathInWords(path);
  const parts = [words === path ? '' : `Reads ${words}`, sample === undefined ? '' : `sample: ${sample.type === 'array' ? sampleKind(sample) : sample.sample}`];
  const text = parts.filter((p) => p !== '').join(' · ');
  return text === '' ? undefined : text.charAt(0).toUpperCase() + text.slice(1);
}
