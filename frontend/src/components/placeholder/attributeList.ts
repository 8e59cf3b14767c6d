import { useEffect } from 'react';
import { create } from 'zustand';
import { Attributes, onEvent } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import type { AttributeOption } from './placeholders';

/** The Go event sent after any attribute is created, changed or deleted. */
export const attributesChangedEvent = 'attributes:changed';

interface AttributeListState {
  attributes: AttributeOption[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string;
  /** Loads the list (built-ins first); concurrent calls share one request. */
  load: () => Promise<void>;
}

let inFlight: Promise<void> | null = null;

/**
 * Every attribute the pickers offer, built-ins included, shared by all fields
 * of the app so one list is loaded once and refreshed on attributes:changed.
 */
export const useAttributeListStore = create<AttributeListState>()((set) => ({
  attributes: [],
  status: 'idle',
  error: '',
  load: () => {
    inFlight ??= (async () => {
      set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' }));
      try {
        const list = await Attributes.List();
        set({
          attributes: list.map((a) => ({ name: a.name, type: a.type, description: a.description, builtIn: a.builtIn })),
          status: 'ready',
          error: '',
        });
      } catch (err) {
        set({ status: 'error', error: errorMessage(err) });
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  },
}));

/**
 * Returns the attributes for pickers and highlighting, loading them on first
 * use and keeping them fresh while the component is mounted.
 */
export function useAttributeList(): AttributeOption[] {
  const attributes = useAttributeListStore((s) => s.attributes);
  const status = useAttributeListStore((s) => s.status);
  const load = useAttributeListStore((s) => s.load);
  useEffect(() => {
    if (status === 'idle') {
      void load();
    }
  }, [status, load]);
  useEffect(() => onEvent(attributesChangedEvent, () => void load()), [load]);
  return attributes;
}
