import { useEffect, useRef } from 'react';
import { confirm } from '../../components/ui';

/**
 * Protects unsaved changes: the browser asks before a reload or close, a
 * click on a link to another page asks first, and the returned function asks
 * before the page itself replaces the draft (resolving true to go ahead).
 */
export function useUnsavedGuard(dirty: boolean, name: string): () => Promise<boolean> {
  const state = useRef({ dirty, name });
  useEffect(() => {
    state.current = { dirty, name };
  }, [dirty, name]);

  const ask = async () =>
    !state.current.dirty ||
    confirm({
      title: 'Discard unsaved changes?',
      message: `${state.current.name.trim() === '' ? 'This API' : state.current.name} has changes that are not saved.`,
      confirmLabel: 'Discard changes',
      cancelLabel: 'Keep editing',
      danger: true,
    });

  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (state.current.dirty) e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      if (!state.current.dirty || e.defaultPrevented || e.button !== 0) return;
      const link = (e.target as Element | null)?.closest?.('a[href^="#/"]');
      const href = link?.getAttribute('href');
      if (href === undefined || href === null || href.startsWith('#/apis')) return;
      e.preventDefault();
      e.stopPropagation();
      void ask().then((ok) => {
        if (ok) {
          state.current.dirty = false;
          window.location.hash = href;
        }
      });
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, []);

  return ask;
}
