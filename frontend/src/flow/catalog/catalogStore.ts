import { createStore, type StoreApi } from 'zustand/vanilla';
import { errorMessage } from '../../lib/errors';

/** A saved API an api node can call, by name. */
export interface ApiInfo {
  name: string;
  method: string;
  url: string;
}

/**
 * The saved APIs the api node's inspector offers. (Attributes come from the
 * app-wide list in components/placeholder, shared with the `/` picker.)
 */
export interface CatalogState {
  apis: ApiInfo[];
  loading: boolean;
  /** Why loading failed, in one sentence. */
  error: string;
  /** Loads (or reloads) the list; concurrent calls share one request. */
  load: () => Promise<void>;
}

/** Creates a catalogue store over a loader of the saved APIs. */
export function createCatalogStore(loadApis: () => Promise<ApiInfo[]>): StoreApi<CatalogState> {
  let inflight: Promise<void> | null = null;
  return createStore<CatalogState>()((set) => ({
    apis: [],
    loading: false,
    error: '',
    load: () => {
      inflight ??= (async () => {
        set({ loading: true });
        try {
          const apis = await loadApis();
          set({ apis: [...apis].sort((a, b) => a.name.localeCompare(b.name)), error: '' });
        } catch (err) {
          set({ error: errorMessage(err) });
        } finally {
          set({ loading: false });
          inflight = null;
        }
      })();
      return inflight;
    },
  }));
}
