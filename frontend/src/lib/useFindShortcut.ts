import { useEffect, useRef, type RefObject } from 'react';

/**
 * Focuses (and selects) a list's search field on Ctrl+F / Cmd+F, the shortcut
 * people expect from a desktop app. The browser's own find bar is of no use in
 * the Wails window, so the page's search takes its place while it is mounted.
 */
export function useFindShortcut<T extends HTMLInputElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f' && ref.current) {
        e.preventDefault();
        ref.current.focus();
        ref.current.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return ref;
}
