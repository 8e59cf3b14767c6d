import { useEffect } from 'react';
import { create } from 'zustand';
import { Attributes, onEvent, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import type { AttributeOption } from './placeholders';

/** The Go event sent after any attribute is created, changed or deleted. */
export const attributesChangedEvent = 'attributes:changed';

interface AttributeListState {
  /** Every attribute with where it is used, built-ins first (the Attributes page); null until loaded. */
  list: app.AttributeInfo[] | null;
  /** The same attributes as the pickers offer them. */
  attributes: AttributeOption[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string;
  /**
   * Loads the list. A call while a load is running waits for it and loads
   * once more after it, so a change made meanwhile is never missed.
   */
  load: () => Promise<void>;
}

let inFlight: Promise<void> | null = null;
let again = false;

/**
 * The app's one list of attributes: the Attributes page, every `/` picker,
 * highlight and attribute dropdown read it, so a change made anywhere shows
 * everywhere. It is refreshed on attributes:changed while anything in the app
 * keeps it in sync (useAttributesSync in the shell, and every reader).
 */
export const useAttributeListStore = create<AttributeListState>()((set) => {
  const fetchOnce = async () => {
    set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' }));
    try {
      const list = await Attributes.List();
      set({
        list,
        attributes: list.map((a) => ({ name: a.name, type: a.type, description: a.description, builtIn: a.builtIn })),
        status: 'ready',
        error: '',
      });
    } catch (err) {
      set({ status: 'error', error: errorMessage(err) });
    }
  };
  return {
    list: null,
    attributes: [],
    status: 'idle',
    error: '',
    load: () => {
      if (inFlight !== null) {
        again = true;
        return inFlight;
      }
      inFlight = (async () => {
        try {
          do {
            again = false;
            await fetchOnce();
          } while (again);
        } finally {
          inFlight = null;
        }
      })();
      return inFlight;
    },
  };
});

let syncUsers = 0;
let stopSync: (() => void) | null = null;

/**
 * Keeps the list refreshed on attributes:changed until the returned function
 * is called. One subscription serves every user, so an event loads once. A
 * list nobody has loaded yet stays unloaded (its first reader loads it).
 */
function retainSync(): () => void {
  if (syncUsers++ === 0) {
    stopSync = onEvent(attributesChangedEvent, () => {
      const s = useAttributeListStore.getState();
      if (s.status !== 'idle') void s.load();
    });
  }
  return () => {
    if (--syncUsers === 0) {
      stopSync?.();
      stopSync = null;
    }
  };
}

/**
 * Keeps the shared attribute list in sync with Go for as long as the calling
 * component is mounted. The shell calls it, so a page that shows no picker
 * (the Attributes page itself) still leaves the pickers up to date.
 */
export function useAttributesSync(): void {
  useEffect(() => retainSync(), []);
}

/** Loads the shared list on first use and keeps it in sync while mounted; returns the state. */
function useLoadedList(): void {
  const status = useAttributeListStore((s) => s.status);
  const load = useAttributeListStore((s) => s.load);
  useEffect(() => {
    if (status === 'idle') {
      void load();
    }
  }, [status, load]);
  useAttributesSync();
}

/** Returns the attributes for pickers and highlighting, loading them on first use. */
export function useAttributeList(): AttributeOption[] {
  useLoadedList();
  return useAttributeListStore((s) => s.attributes);
}

/** Returns every attribute with its usage (null until loaded) and the last load error. */
export function useAttributeInfos(): { list: app.AttributeInfo[] | null; error: string } {
  useLoadedList();
  const list = useAttributeListStore((s) => s.list);
  const error = useAttributeListStore((s) => s.error);
  return { list, error };
}
