import { useId, useMemo, useState } from 'react';
import { filterAttributes, slashQuery, type AttributeOption } from './placeholders';

/** Where the picker opens: the caret's box in viewport coordinates. */
export interface PickerAnchor {
  left: number;
  top: number;
  bottom: number;
}

/** The state and actions of one field's `/` attribute picker. */
export interface SlashPicker {
  open: boolean;
  query: string;
  matches: AttributeOption[];
  /** Index of the highlighted match. */
  active: number;
  anchor: PickerAnchor | null;
  /** Id of the listbox, for aria-controls; option i has id `${listId}-${i}`. */
  listId: string;
  /**
   * Call after every change of text or caret. typedSlash says the user has
   * just typed "/" right before the caret, which opens the picker.
   */
  sync: (text: string, caret: number, typedSlash: boolean, anchor: () => PickerAnchor | null) => void;
  /** Handles a key while the picker is open; returns true when it used the key. */
  key: (key: string) => boolean;
  pick: (name: string) => void;
  setActive: (index: number) => void;
  close: () => void;
}

interface Open {
  slashAt: number;
  query: string;
  anchor: PickerAnchor | null;
}

/**
 * The `/` convention of every placeholder field: typing "/" opens a list of
 * attributes filtered by what follows; arrows move, Enter or Tab inserts
 * {{name}} in place of the "/query", Escape closes and keeps the text. The
 * picker closes by itself when nothing matches, so a "/" in a URL path costs
 * nothing. insert receives the range of "/query" to replace.
 */
export function useSlashPicker(
  attributes: AttributeOption[],
  insert: (from: number, to: number, name: string) => void,
): SlashPicker {
  const listId = useId();
  const [state, setState] = useState<Open | null>(null);
  const [activeIndex, setActive] = useState(0);
  const matches = useMemo(() => (state === null ? [] : filterAttributes(attributes, state.query)), [attributes, state]);
  const active = Math.min(activeIndex, Math.max(matches.length - 1, 0));

  const close = () => setState(null);

  const sync: SlashPicker['sync'] = (text, caret, typedSlash, anchor) => {
    if (typedSlash && text[caret - 1] === '/') {
      setState({ slashAt: caret - 1, query: '', anchor: anchor() });
      setActive(0);
      return;
    }
    if (state === null) return;
    const query = slashQuery(text, state.slashAt, caret);
    if (query === undefined || filterAttributes(attributes, query).length === 0) {
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
    insert(state.slashAt, state.slashAt + 1 + state.query.length, name);
  };

  const key = (k: string): boolean => {
    if (state === null || matches.length === 0) return false;
    switch (k) {
      case 'ArrowDown':
        setActive((active + 1) % matches.length);
        return true;
      case 'ArrowUp':
        setActive((active - 1 + matches.length) % matches.length);
        return true;
      case 'Enter':
      case 'Tab': {
        const chosen = matches[active];
        if (chosen !== undefined) pick(chosen.insert ?? chosen.name);
        return true;
      }
      case 'Escape':
        setState(null);
        return true;
    }
    return false;
  };

  return {
    open: state !== null && matches.length > 0,
    query: state?.query ?? '',
    matches,
    active,
    anchor: state?.anchor ?? null,
    listId,
    sync,
    key,
    pick,
    setActive,
    close,
  };
}
