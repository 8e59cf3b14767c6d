import { create } from 'zustand';

/** Kind of a notification; errors stay until dismissed or the page changes. */
export type ToastKind = 'success' | 'error' | 'info' | 'warning';

/** One notification on screen. */
export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  message?: string;
  /** The page it was raised on (the location hash without its query). */
  where: string;
}

/** What a caller passes to notify. */
export interface ToastInput {
  kind?: ToastKind;
  title: string;
  message?: string;
  /** Milliseconds before it hides; 0 keeps it. Defaults: 4 s, errors 0. */
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
}

/** The page the app shows, as notifications record it. */
export function currentPlace(): string {
  return typeof location === 'undefined' ? '' : location.hash.replace(/\?.*$/, '');
}

const maxVisible = 4;
let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

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
}));

/** Shows a notification from anywhere (components, stores, callbacks) and returns its id. */
export function notify(input: ToastInput): number {
  const id = nextId++;
  const kind = input.kind ?? 'info';
  const toast: Toast = { id, kind, title: input.title, message: input.message, where: currentPlace() };
  useToastStore.setState((s) => ({ toasts: [...s.toasts, toast].slice(-maxVisible) }));
  const timeout = input.timeoutMs ?? (kind === 'error' ? 0 : 4000);
  if (timeout > 0) {
    timers.set(
      id,
      setTimeout(() => useToastStore.getState().dismiss(id), timeout),
    );
  }
  return id;
}

/** Shortcuts for the four kinds of notification. */
export const toast = {
  success: (title: string, message?: string) => notify({ kind: 'success', title, message }),
  error: (title: string, message?: string) => notify({ kind: 'error', title, message }),
  info: (title: string, message?: string) => notify({ kind: 'info', title, message }),
  warning: (title: string, message?: string) => notify({ kind: 'warning', title, message }),
};
