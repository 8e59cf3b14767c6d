import { useEffect } from 'react';
import { Data } from '../../lib/backend';
import { navigate, parseHash } from '../../lib/router';

/** The hash id of the welcome screen. */
export const welcomePageId = 'welcome';

let checked = false;

/**
 * Opens the welcome screen when the app starts on an empty database (no flows)
 * at its default page. It runs once per page load; a deep link, or a database
 * with flows, is left alone.
 */
export async function showWelcomeIfEmpty(): Promise<boolean> {
  if (checked) return false;
  checked = true;
  const route = parseHash(window.location.hash);
  if (!(route.page === '' || (route.page === 'flows' && route.params.length === 0))) return false;
  try {
    const list = await Data.Checklist();
    if (list.flows > 0) return false;
  } catch {
    return false; // no backend: the normal pages explain that themselves
  }
  const now = parseHash(window.location.hash);
  if (!(now.page === '' || (now.page === 'flows' && now.params.length === 0))) return false;
  navigate(welcomePageId, [], { replace: true });
  return true;
}

/** Runs showWelcomeIfEmpty once when the shell mounts. */
export function useWelcomeOnFirstRun(): void {
  useEffect(() => {
    void showWelcomeIfEmpty();
  }, []);
}

/** Lets tests run the first-run check again. */
export function resetFirstRunCheck(): void {
  checked = false;
}
