import { useStore } from 'zustand';
import { simulatorApi } from './api';
import { createSimulatorStore, type SimulatorState } from './simulatorStore';

/** The app's one simulator session, shown in the editor's dock. */
export const simulatorStore = createSimulatorStore(simulatorApi);

/** Reads from the simulator store. */
export function useSimulator<T>(selector: (s: SimulatorState) => T): T {
  return useStore(simulatorStore, selector);
}
