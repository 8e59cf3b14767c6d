import { create } from 'zustand';
import { System, type SystemInfo } from '../lib/backend';
import { errorMessage } from '../lib/errors';

/** Load state of the System.Info facts shown in the status bar and settings. */
export type SystemStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the UI knows about the running binary. */
export interface SystemState {
  info: SystemInfo | null;
  status: SystemStatus;
  error: string;
  /** Fetches System.Info; concurrent calls share one request. */
  load: () => Promise<void>;
}

let inflight: Promise<void> | null = null;

/** The store of System.Info, loaded once at start by the app shell. */
export const useSystemStore = create<SystemState>()((set) => ({
  info: null,
  status: 'idle',
  error: '',
  load: () => {
    inflight ??= (async () => {
      set({ status: 'loading', error: '' });
      try {
        const info = await System.Info();
        set({ info, status: 'ready' });
      } catch (err) {
        set({ status: 'error', error: errorMessage(err) });
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  },
}));
