import { useEffect, useState } from 'react';
import { announceReady } from './lib/lifecycle';
import { navigate, parseHash } from './lib/router';
import { AppShell } from './shell/AppShell';
import { useSystemStore } from './stores/system';

/**
 * The root component: loads the facts of the running binary, opens the page
 * the window was started on (chatflow --open-flow) when the address names
 * none, then tells Go the UI is up.
 */
export function App() {
  const load = useSystemStore((s) => s.load);
  // The address as the window opened it, before the router fills in a
  // default page.
  const [startHash] = useState(() => window.location.hash);
  useEffect(() => {
    void load()
      .then(() => {
        const route = useSystemStore.getState().info?.openRoute ?? '';
        if (route === '' || (startHash !== '' && startHash !== '#/')) return;
        const { page, params } = parseHash(route);
        navigate(page, params, { replace: true });
      })
      .finally(() => void announceReady());
  }, [load, startHash]);
  return <AppShell />;
}
