import { create } from 'zustand';

/** Kind of a notification; errors stay longer (6 s) than the rest (4 s), and any stays while the pointer or focus is on it. */
export type ToastKind = 'success' | 'error' | 'info' | 'warning';

/** One notification on screen. */
export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  message?: string;
  /** The page it was raised on (the location hash without its query). */
  where: string;
  /** Milliseconds it stays once nobody is reading it; 0 keeps it until dismissed. */
  timeoutMs: number;
}

/** What a caller passes to notify. */
export interface ToastInput {
  kind?: ToastKind;
  title: string;
  message?: string;
  /** Milliseconds before it hides; 0 keeps it. Defaults: 4 s, errors 6 s. */
  timeoutMs?: number;
}

interface ToastState {
  toasts: Toast[];
  dismiss: (id: number) => void;
  /**
   * Dismisses the notifications raised on other pages than where: a toast
   * about a node of the flow just left means nothing on the next page, and
   * an error one would otherwise stay for good (issue 14, finding 5).
   */
  dismissElsewhere: (where: string) => void;
  /** Stops a notification's countdown while it is hovered or focused, so it is not taken away mid-read. */
  hold: (id: number) => void;
  /** Starts its countdown again, in full, once the pointer and focus have left it. */
  release: (id: number) => void;
}

/** The page the app shows, as notifications record it. */
export function currentPlace(): string {
  return typeof location === 'undefined' ? '' : location.hash.replace(/\?.*$/, '');
}

const maxVisible = 4;
/** How long an error stays: long enough to read two sentences, short enough not to cover the page for minutes. */
export const errorTimeoutMs = 6000;
const defaultTimeoutMs = 4000;
let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

/** Rewrites what a toast says before it shows; see describeToasts. */
let describer: ((text: string) => string) | null = null;

/**
 * Lets the page on screen reword every toast it raises, e.g. the flow editor
 * naming nodes by what they say where Go's messages name them by id ("node
 * buttons_ueym"). Returns the function that removes it again.
 */
export function describeToasts(describe: (text: string) => string): () => void {
  describer = describe;
  return () => {
    if (describer === describe) describer = null;
  };
}

function startTimer(id: number, timeoutMs: number) {
  clearTimeout(timers.get(id));
  if (timeoutMs > 0) timers.set(id, setTimeout(() => useToastStore.getState().dismiss(id), timeoutMs));
}

/** The list of visible notifications, rendered by Toaster in the app shell. */
export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  dismiss: (id) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
  dismissElsewhere: (where) => {
    const gone = useToastStore.getState().toasts.filter((t) => t.where !== where);
    for (const t of gone) {
      clearTimeout(timers.get(t.id));
      timers.delete(t.id);
    }
    if (gone.length > 0) set((s) => ({ toasts: s.toasts.filter((t) => t.where === where) }));
  },
  hold: (id) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
  },
  release: (id) => {
    const t = useToastStore.getState().toasts.find((x) => x.id === id);
    if (t !== undefined) startTimer(id, t.timeoutMs);
  },
}));

/** Shows a notification from anywhere (components, stores, callbacks) and returns its id. */
export function notify(input: ToastInput): number {
  const id = nextId++;
  const kind = input.kind ?? 'info';
  const timeoutMs = input.timeoutMs ?? (kind === 'error' ? errorTimeoutMs : defaultTimeoutMs);
  const say = describer ?? ((text: string) => text);
  const message = input.message === undefined ? undefined : say(input.message);
  const toast: Toast = { id, kind, title: say(input.title), message, where: currentPlace(), timeoutMs };
  useToastStore.setState((s) => ({ toasts: [...s.toasts, toast].slice(-maxVisible) }));
  startTimer(id, timeoutMs);
  return id;
}

/** Shortcuts for the four kinds of notification. */
export const toast = {
  success: (title: string, message?: string) => notify({ kind: 'success', title, message }),
  error: (title: string, message?: string) => notify({ kind: 'error', title, message }),
  info: (title: string, message?: string) => notify({ kind: 'info', title, message }),
  warning: (title: string, message?: string) => notify({ kind: 'warning', title, message }),
};
