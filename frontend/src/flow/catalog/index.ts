import { useStore } from 'zustand';
import { loadApis } from '../api';
import { createCatalogStore, type CatalogState } from './catalogStore';

export type { ApiInfo, CatalogState } from './catalogStore';

/** The app's list of saved APIs for the api node's inspector. */
export const catalogStore = createCatalogStore(loadApis);

/** Reads from the catalogue store. */
export function useCatalog<T>(selector: (s: CatalogState) => T): T {
  return useStore(catalogStore, selector);
}
