import { create } from 'zustand';

/** Kind of a notification; errors stay until dismissed. */
export type ToastKind = 'success' | 'error' | 'info' | 'warning';

/** One notification on screen. */
export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  message?: string;
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
}));

/** Shows a notification from anywhere (components, stores, callbacks) and returns its id. */
export function notify(input: ToastInput): number {
  const id = nextId++;
  const kind = input.kind ?? 'info';
  const toast: Toast = { id, kind, title: input.title, message: input.message };
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
