import { createStore, type StoreApi } from 'zustand/vanilla';
import { errorMessage } from '../lib/errors';
import { pathKey, useSimHighlight } from './highlight';
import type { SimCall, SimReply, SimState, SimTurn, SimulatorApi } from './types';

/** What one line of the simulated chat says. */
export type ChatLine =
  | { from: 'customer'; text: string }
  | { from: 'bot'; reply: SimReply }
  | { from: 'system'; tone: 'info' | 'error'; text: string };

/** One line of the simulated chat with its list key. */
export type ChatEntry = ChatLine & { key: number };

/** An API call with the turn it belongs to, for the session panel. */
export interface LoggedCall extends SimCall {
  turn: number;
}

/** Where the simulator panel stands. */
export type SimPhase = 'off' | 'starting' | 'ready' | 'sending' | 'error';

/** The simulator's state and actions. */
export interface SimulatorState {
  phase: SimPhase;
  simId: string;
  flowId: number | null;
  chat: ChatEntry[];
  /** True while a reply is being "typed" (delays show as typing). */
  typing: boolean;
  /** How the last turn left the conversation. */
  state: SimState | 'none';
  attributes: Record<string, string>;
  calls: LoggedCall[];
  turns: number;
  error: string;
  /** Every node visited since the last restart, in order. */
  trail: string[];
  /** Starts a session for a flow (stopping any other). */
  start: (flowId: number) => Promise<void>;
  /** Sends a customer message; replyId is the id of a tapped button or row. */
  send: (text: string, replyId?: string) => Promise<void>;
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Timings of the simulated chat; tests make them instant. */
export interface SimulatorOptions {
  /** The longest a delay node's wait is shown as typing (longer waits are shortened). */
  maxTypingMs?: number;
  /** A short typing pause before every bot message, so replies read like a chat. */
  replyPauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Says how a turn left the conversation, or "" when it waits for the customer. */
export function stateNote(state: SimState): string {
  switch (state) {
    case 'end':
      return 'The conversation ended. Restart to try again.';
    case 'paused':
      return 'Handed off: the bot stays quiet until someone resumes it.';
    case 'idle':
      return 'No conversation started: the message did not match the start keywords.';
    default:
      return '';
  }
}

/** Returns the edges a visit trail took, as highlight keys. */
export function trailPath(trail: readonly string[]): Record<string, true> {
  const path: Record<string, true> = {};
  for (let i = 1; i < trail.length; i++) {
    const a = trail[i - 1];
    const b = trail[i];
    if (a !== b) {
      path[pathKey(a, b)] = true;
    }
  }
  return path;
}

/**
 * Creates a simulator store over the Simulator service. It keeps the chat,
 * plays replies with typing pauses (delays show as typing), logs API calls
 * and attributes, and mirrors the run onto the canvas highlight.
 */
export function createSimulatorStore(api: SimulatorApi, options: SimulatorOptions = {}): StoreApi<SimulatorState> {
  const sleep = options.sleep ?? realSleep;
  const maxTypingMs = options.maxTypingMs ?? 4000;
  const replyPauseMs = options.replyPauseMs ?? 350;
  let key = 0;
  let generation = 0;
  let queue: Promise<void> = Promise.resolve();

  return createStore<SimulatorState>()((set, get) => {
    const push = (line: ChatLine) => set({ chat: [...get().chat, { ...line, key: ++key }] });

    const highlight = (trail: string[], current: string) => {
      const visited: Record<string, true> = {};
      for (const id of trail) visited[id] = true;
      useSimHighlight.getState().set({ current, visited, path: trailPath(trail) });
    };

    /** Shows a turn: replies one by one with typing pauses, then the session details. */
    const play = async (turn: SimTurn, gen: number, fromCustomer: boolean) => {
      const n = get().turns + 1;
      const trail = [...get().trail, ...turn.visited];
      set({
        turns: n,
        trail,
        attributes: turn.attributes ?? {},
        calls: [...get().calls, ...(turn.calls ?? []).map((c) => ({ ...c, turn: n }))],
      });
      highlight(trail, turn.state === 'wait' ? turn.nodeId : '');
      for (const reply of turn.replies ?? []) {
        const pause = Math.min(Math.max(reply.delayMs ?? 0, replyPauseMs), maxTypingMs);
        if (pause > 0) {
          set({ typing: true });
          await sleep(pause);
          if (gen !== generation) return;
        }
        set({ typing: false });
        push({ from: 'bot', reply });
      }
      set({ typing: false, state: turn.state });
      for (const e of turn.errors ?? []) {
        push({ from: 'system', tone: 'error', text: e });
      }
      const note = turn.state === 'idle' && turn.notice !== '' ? turn.notice : stateNote(turn.state);
      // A fresh or restarted session is idle until the customer writes; only a
      // customer message that starts nothing deserves the idle note.
      if (note !== '' && (fromCustomer || turn.state !== 'idle')) {
        push({ from: 'system', tone: 'info', text: note });
      }
    };

    const reset = () => {
      generation++;
      set({ chat: [], typing: false, state: 'none', attributes: {}, calls: [], turns: 0, error: '', trail: [] });
      useSimHighlight.getState().clear();
    };

    return {
      phase: 'off',
      simId: '',
      flowId: null,
      chat: [],
      typing: false,
      state: 'none',
      attributes: {},
      calls: [],
      turns: 0,
      error: '',
      trail: [],

      start: async (flowId) => {
        const old = get().simId;
        reset();
        const gen = generation;
        set({ phase: 'starting', flowId, simId: '' });
        if (old !== '') {
          void api.stop(old).catch(() => undefined);
        }
        try {
          const started = await api.start(flowId);
          if (gen !== generation) {
            void api.stop(started.id).catch(() => undefined);
            return;
          }
          set({ simId: started.id, phase: 'sending' });
          await play(started.turn, gen, false);
          if (gen === generation) set({ phase: 'ready' });
        } catch (err) {
          if (gen === generation) set({ phase: 'error', error: errorMessage(err) });
        }
      },

      send: (text, replyId = '') => {
        const { simId, phase } = get();
        if (simId === '' || (phase !== 'ready' && phase !== 'sending') || (text.trim() === '' && replyId === '')) {
          return Promise.resolve();
        }
        // Like on a phone, the customer may write while the bot is still
        // answering: the message shows at once and is handled after the turn.
        const gen = generation;
        push({ from: 'customer', text });
        set({ phase: 'sending' });
        queue = queue.then(async () => {
          if (gen !== generation) return;
          set({ typing: true });
          try {
            const turn = await api.send(simId, text, replyId);
            if (gen === generation) await play(turn, gen, true);
          } catch (err) {
            if (gen === generation) push({ from: 'system', tone: 'error', text: errorMessage(err) });
          }
        });
        const mine = queue;
        return mine.then(() => {
          if (gen === generation && queue === mine) set({ phase: 'ready', typing: false });
        });
      },

      restart: async () => {
        const { simId, flowId } = get();
        if (simId === '') {
          if (flowId !== null) await get().start(flowId);
          return;
        }
        reset();
        const gen = generation;
        set({ phase: 'sending' });
        try {
          const turn = await api.restart(simId);
          if (gen !== generation) return;
          await play(turn, gen, false);
          set({ phase: 'ready' });
        } catch (err) {
          if (gen === generation) set({ phase: 'error', error: errorMessage(err) });
        }
      },

      stop: async () => {
        const { simId } = get();
        reset();
        set({ phase: 'off', simId: '', flowId: null });
        if (simId !== '') {
          await api.stop(simId).catch(() => undefined);
        }
      },
    };
  });
}
