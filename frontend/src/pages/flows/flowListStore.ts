import { create } from 'zustand';
import { flowsApi, type FlowSummary } from '../../flow/api';
import { errorMessage } from '../../lib/errors';

/** The flows list: loaded on the list page and refreshed on flows:changed. */
export interface FlowListState {
  flows: FlowSummary[] | null;
  error: string;
  load: () => Promise<void>;
}

let inflight: Promise<void> | null = null;

/** The store of the flows list. */
export const useFlowList = create<FlowListState>()((set) => ({
  flows: null,
  error: '',
  load: () => {
    inflight ??= (async () => {
      try {
        const flows = await flowsApi.list();
        set({ flows: flows.sort((a, b) => a.name.localeCompare(b.name)), error: '' });
      } catch (err) {
        set({ error: errorMessage(err) });
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  },
}));
