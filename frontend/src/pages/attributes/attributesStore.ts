import { create } from 'zustand';
import { Attributes, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';

interface AttributesPageState {
  /** Every attribute with its usage, built-ins first; null until loaded. */
  list: app.AttributeInfo[] | null;
  error: string;
  load: () => Promise<void>;
}

/** What the Attributes page shows; reloaded after each change and on attributes:changed. */
export const useAttributesPage = create<AttributesPageState>()((set) => ({
  list: null,
  error: '',
  load: async () => {
    try {
      set({ list: await Attributes.List(), error: '' });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
}));
