import { useEffect } from 'react';
import { announceReady } from './lib/lifecycle';
import { AppShell } from './shell/AppShell';
import { useSystemStore } from './stores/system';

/** The root component: loads the facts of the running binary, then tells Go the UI is up. */
export function App() {
  const load = useSystemStore((s) => s.load);
  useEffect(() => {
    void load();
    void announceReady();
  }, [load]);
  return <AppShell />;
}
