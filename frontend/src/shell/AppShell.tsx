import { Suspense, useEffect, useRef, type CSSProperties } from 'react';
import { useAttributesSync } from '../components/placeholder/attributeList';
import { ConfirmHost, Spinner, Toaster } from '../components/ui';
import { currentPlace, useToastStore } from '../components/ui/toast';
import { navigate, useRoute } from '../lib/router';
import { useWelcomeOnFirstRun } from '../pages/welcome/firstRun';
import { CloseDialog } from './CloseDialog';
import { defaultPageId, findPage } from './routes';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import styles from './AppShell.module.css';

/**
 * The frame of the app: navigation on the left (icons only while a flow is
 * open, so the canvas gets the width), the page of the current hash in the
 * middle, the status bar at the bottom, plus the shared toast and confirm hosts.
 */
export function AppShell() {
  const route = useRoute();
  const page = findPage(route.page);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useWelcomeOnFirstRun();
  // Pages without a picker (Attributes) change attributes too: keep the shared list current everywhere.
  useAttributesSync();

  useEffect(() => {
    if (page === undefined) {
      navigate(defaultPageId, [], { replace: true });
    }
  }, [page]);

  // Move focus to the new page so keyboard and screen-reader users land in it,
  // but not on the first load, where the browser's own focus is right.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [route.page]);

  // Notifications belong to the page they were raised on.
  const place = [route.page, ...route.params].join('/');
  useEffect(() => {
    useToastStore.getState().dismissElsewhere(currentPlace());
  }, [place]);

  useEffect(() => {
    document.title = page === undefined ? 'Chatflow Studio' : `${page.label} · Chatflow Studio`;
  }, [page]);

  const Current = page?.component;
  const navCollapsed = page?.id === 'flows' && route.params[0] !== undefined;
  return (
    <div className={styles.app} style={{ '--nav-w': navCollapsed ? '56px' : 'var(--sidebar-w)' } as CSSProperties}>
      <a className={styles.skip} href="#main" onClick={(e) => {
        e.preventDefault();
        mainRef.current?.focus();
      }}>
        Skip to content
      </a>
      <div className={styles.body}>
        <Sidebar current={page?.id ?? ''} collapsed={navCollapsed} />
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
          <Suspense
            fallback={
              <div className={styles.loading}>
                <Spinner size={20} label="Loading page" />
              </div>
            }
          >
            {Current !== undefined && <Current />}
          </Suspense>
        </main>
      </div>
      <StatusBar />
      <Toaster />
      <ConfirmHost />
      <CloseDialog />
    </div>
  );
}
