import { useId, useMemo, useState } from 'react';
import { nameProblem } from '../attribute';
import { filterAttributes, slashQuery, typedTrigger, type AttributeOption, type PickerTrigger } from './placeholders';

/** Where the picker opens: the caret's box in viewport coordinates. */
export interface PickerAnchor {
  left: number;
  top: number;
  bottom: number;
}

/** The state and actions of one field's `/` attribute picker. */
export interface SlashPicker {
  open: boolean;
  /** What opened the picker, shown before the query: "/" or "{{". */
  trigger: PickerTrigger;
  query: string;
  matches: AttributeOption[];
  /**
   * The name the last entry offers to create ("Create attribute “cake_or”"):
   * the query when it is a valid new name no attribute has; null otherwise.
   */
  createName: string | null;
  /** Index of the highlighted entry; the create entry comes after the matches. */
  active: number;
  anchor: PickerAnchor | null;
  /** Id of the listbox, for aria-controls; option i has id `${listId}-${i}`. */
  listId: string;
  /**
   * Call after every change of text or caret. typed says the user has just
   * typed one character before the caret, which opens the picker when it
   * completes a trigger (typedTrigger: "/" where a placeholder can start, or "{{").
   */
  sync: (text: string, caret: number, typed: boolean, anchor: () => PickerAnchor | null) => void;
  /** Handles a key while the picker is open; returns true when it used the key. */
  key: (key: string) => boolean;
  pick: (name: string) => void;
  /** Chooses the create entry: closes the picker and hands the name and "/query" range to onCreate. */
  create: () => void;
  setActive: (index: number) => void;
  close: () => void;
}

interface Open {
  slashAt: number;
  trigger: PickerTrigger;
  query: string;
  anchor: PickerAnchor | null;
}

/** What a field does with a chosen create entry: create the attribute, then insert it over [from, to). */
export type CreateAttribute = (name: string, from: number, to: number) => void;

/** The name a query offers to create, or null when it is not a valid new name. */
function newName(attributes: AttributeOption[], query: string): string | null {
  if (query === '') return null;
  return nameProblem(query, attributes.map((a) => a.name)) === '' ? query : null;
}

/**
 * The `/` convention of every placeholder field: typing "/" where a
 * placeholder can start (not inside a URL or a word), or "{{" anywhere, opens a list of
 * attributes filtered by what follows, ending with "Create attribute" when
 * the query is a new valid name; arrows move, Enter inserts {{name}} in place
 * of the "/query" or "{{query" (or creates), Tab inserts an existing one, Escape closes and
 * keeps the text. insert receives the range of "/query" to replace.
 */
export function useSlashPicker(
  attributes: AttributeOption[],
  insert: (from: number, to: number, name: string) => void,
  onCreate?: CreateAttribute,
): SlashPicker {
  const listId = useId();
  const [state, setState] = useState<Open | null>(null);
  const [activeIndex, setActive] = useState(0);
  const matches = useMemo(() => (state === null ? [] : filterAttributes(attributes, state.query)), [attributes, state]);
  const createName = state === null || onCreate === undefined ? null : newName(attributes, state.query);
  const count = matches.length + (createName === null ? 0 : 1);
  const active = Math.min(activeIndex, Math.max(count - 1, 0));

  const close = () => setState(null);

  const sync: SlashPicker['sync'] = (text, caret, typed, anchor) => {
    const trigger = typed ? typedTrigger(text, caret) : null;
    if (trigger !== null) {
      setState({ slashAt: caret - trigger.length, trigger, query: '', anchor: anchor() });
      setActive(0);
      return;
    }
    if (state === null) return;
    const query = slashQuery(text, state.slashAt, caret, state.trigger);
    const offers = query === undefined ? false : filterAttributes(attributes, query).length > 0 || newName(attributes, query) !== null;
    if (query === undefined || (!offers && (query !== '' || onCreate === undefined))) {
      setState(null);
      return;
    }
    if (query !== state.query) {
      setState({ ...state, query });
      setActive(0);
    }
  };

  const pick = (name: string) => {
    if (state === null) return;
    setState(null);
    insert(state.slashAt, state.slashAt + state.trigger.length + state.query.length, name);
  };

  const create = () => {
    if (state === null || createName === null || onCreate === undefined) return;
    setState(null);
    onCreate(createName, state.slashAt, state.slashAt + state.trigger.length + state.query.length);
  };

  const choose = (k: string): boolean => {
    const chosen = matches[active];
    if (chosen !== undefined) {
      pick(chosen.insert ?? chosen.name);
      return true;
    }
    // Only Enter creates: Tab leaves the field as it always does.
    if (k === 'Enter') {
      create();
      return true;
    }
    setState(null);
    return false;
  };

  const key = (k: string): boolean => {
    if (state === null || count === 0) return false;
    switch (k) {
      case 'ArrowDown':
        setActive((active + 1) % count);
        return true;
      case 'ArrowUp':
        setActive((active - 1 + count) % count);
        return true;
      case 'Enter':
      case 'Tab':
        return choose(k);
      case 'Escape':
        setState(null);
        return true;
    }
    return false;
  };

  return {
    open: state !== null && count > 0,
    trigger: state?.trigger ?? '/',
    query: state?.query ?? '',
    matches,
    createName,
    active,
    anchor: state?.anchor ?? null,
    listId,
    sync,
    key,
    pick,
    create,
    setActive,
    close,
  };
}
