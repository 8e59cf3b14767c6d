import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { errorMessage } from '../../lib/errors';
import type { WaTemplate } from './model';

/** The Go event sent after templates were synced. */
export const templatesChangedEvent = 'templates:changed';

/** The synced templates, shared by the template node's inspector and card and the inbox. */
export interface TemplateListState {
  templates: WaTemplate[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string;
  /** Loads (or reloads) the list; concurrent calls share one request. */
  load: () => Promise<void>;
}

/** Creates a template list over a loader of the synced templates. */
export function createTemplateListStore(loadTemplates: () => Promise<WaTemplate[]>): StoreApi<TemplateListState> {
  let inFlight: Promise<void> | null = null;
  return createStore<TemplateListState>()((set) => ({
    templates: [],
    status: 'idle',
    error: '',
    load: () => {
      inFlight ??= (async () => {
        set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' }));
        try {
          set({ templates: await loadTemplates(), status: 'ready', error: '' });
        } catch (err) {
          set({ status: 'error', error: errorMessage(err) });
        } finally {
          inFlight = null;
        }
      })();
      return inFlight;
    },
  }));
}

/**
 * Reads a template list, loading it on first use and reloading it when
 * subscribe reports a change (the templates:changed event).
 */
export function useTemplateListFrom<T>(
  store: StoreApi<TemplateListState>,
  subscribe: (onChange: () => void) => () => void,
  selector: (s: TemplateListState) => T,
): T {
  const status = useStore(store, (s) => s.status);
  useEffect(() => {
    if (status === 'idle') {
      void store.getState().load();
    }
  }, [status, store]);
  useEffect(() => subscribe(() => void store.getState().load()), [store, subscribe]);
  return useStore(store, selector);
}

/** Finds a synced template by name and language. */
export function findTemplate(templates: readonly WaTemplate[], name: string, language: string): WaTemplate | undefined {
  return templates.find((t) => t.name === name && t.language === language);
}
