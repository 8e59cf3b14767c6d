import { create } from 'zustand';

/** What a confirmation asks. */
export interface ConfirmOptions {
  title: string;
  message?: string;
  /** Label of the confirming button; defaults to "Confirm". */
  confirmLabel?: string;
  cancelLabel?: string;
  /** Paints the confirming button red, for deletions. */
  danger?: boolean;
}

interface PendingConfirm extends ConfirmOptions {
  resolve: (ok: boolean) => void;
}

interface ConfirmState {
  pending: PendingConfirm | null;
  answer: (ok: boolean) => void;
}

/** The queue of one open confirmation, rendered by ConfirmHost in the app shell. */
export const useConfirmStore = create<ConfirmState>()((set, get) => ({
  pending: null,
  answer: (ok) => {
    const pending = get().pending;
    set({ pending: null });
    pending?.resolve(ok);
  },
}));

/**
 * Asks the user to confirm and resolves true or false. A second request while
 * one is open answers the first with false.
 */
export function confirm(options: ConfirmOptions): Promise<boolean> {
  useConfirmStore.getState().pending?.resolve(false);
  return new Promise<boolean>((resolve) => {
    useConfirmStore.setState({ pending: { ...options, resolve } });
  });
}
