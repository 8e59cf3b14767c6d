import type { DataByType, NodeType } from '../catalogue.gen';
import type { OutputHandle } from '../../model';
import type { FieldDef, NodeDef, OutputsFrom } from './def';
import { readNumber, readOptions, readString, readStrings } from './read';

/**
 * The editor's reading of the generated node definitions: the same rules Go's
 * flow.OutputHandles follows (catalogue.test.ts replays Go's own results from
 * outputCases.gen.ts), and the reading of stored data field by field.
 */

/** Reads stored data (Go omits empty fields; anything may be malformed) into complete data. */
export function normalizeData<T extends NodeType>(def: NodeDef<T>, raw: Record<string, unknown>): DataByType[T] {
  const out: Record<string, unknown> = {};
  for (const f of def.fields) {
    out[f.name] = readField(f, raw);
  }
  return out as DataByType[T];
}

function readField<T extends NodeType>(f: FieldDef<T>, raw: Record<string, unknown>): unknown {
  switch (f.kind) {
    case 'number':
      return readNumber(raw, f.name);
    case 'texts': {
      const reserved = f.reserved ?? [];
      return readStrings(raw, f.name).filter((s) => !reserved.includes(s));
    }
    case 'templates':
      // Kept in place, empty ones too: each is the parameter at its position.
      return readStrings(raw, f.name);
    case 'options':
      return readOptions(raw, f.name);
    case 'choice': {
      const v = readString(raw, f.name);
      const choices = f.choices ?? [];
      return choices.includes(v) ? v : (choices[0] ?? '');
    }
    default:
      return readString(raw, f.name);
  }
}

/** Builds the output handles of a node with this data, in drawing order. */
export function buildOutputs<T extends NodeType>(def: NodeDef<T>, data: DataByType[T]): OutputHandle[] {
  const d = data as Record<string, unknown>;
  const rules = def.outputVariants.find((v) => isSet(d[v.when]))?.outputs ?? def.outputRules;
  const out: OutputHandle[] = [];
  for (const r of rules) {
    if (!('from' in r)) {
      out.push({ id: r.id, label: r.label });
      continue;
    }
    const list = d[r.from];
    if (!Array.isArray(list)) {
      continue;
    }
    for (const item of list as unknown[]) {
      const [id, label] = entryOf(item, r);
      if (r.skip?.includes(id) === true) {
        continue;
      }
      out.push({ id, label: label.trim() === '' ? (r.untitled ?? '') : label.trim() });
    }
  }
  return out;
}

/** The handle and label of one list entry: a text is both; an object gives its members. */
function entryOf<T extends NodeType>(item: unknown, r: OutputsFrom<T>): [string, string] {
  if (typeof item === 'string') {
    return [item, item];
  }
  if (typeof item !== 'object' || item === null) {
    return ['', ''];
  }
  const o = item as Record<string, unknown>;
  return [readString(o, r.idKey ?? ''), readString(o, r.labelKey ?? '')];
}

/** Whether a field is set: not empty, not zero (Go's reflect IsZero, and an empty list). */
function isSet(v: unknown): boolean {
  if (Array.isArray(v)) {
    return v.length > 0;
  }
  return v !== undefined && v !== null && v !== '' && v !== 0 && v !== false;
}
