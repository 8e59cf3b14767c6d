import { useMemo, useSyncExternalStore } from 'react';

/**
 * Hash routing: the page lives in location.hash (`#/flows`, `#/flows/42`) so a
 * reload keeps it, and it works the same from the embedded server, the Wails
 * asset server and a file URL.
 */
export interface Route {
  /** First path segment, e.g. "flows"; empty for `#/` or no hash. */
  page: string;
  /** Remaining decoded path segments, e.g. ["42"] for `#/flows/42`. */
  params: string[];
  /** Query parameters after `?` inside the hash. */
  query: URLSearchParams;
}

/** Parses a location hash such as `#/flows/42?tab=json` into a Route. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const queryAt = raw.indexOf('?');
  const path = queryAt >= 0 ? raw.slice(0, queryAt) : raw;
  const query = new URLSearchParams(queryAt >= 0 ? raw.slice(queryAt + 1) : '');
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { page: segments[0] ?? '', params: segments.slice(1), query };
}

/** Builds a hash such as `#/flows/a%20b` from path segments. */
export function hrefFor(page: string, ...params: string[]): string {
  return '#/' + [page, ...params].map((s) => encodeURIComponent(s)).join('/');
}

/** Navigates to a page; with replace it does not add a history entry. */
export function navigate(page: string, params: string[] = [], options: { replace?: boolean } = {}): void {
  const hash = hrefFor(page, ...params);
  if (options.replace) {
    const url = new URL(window.location.href);
    url.hash = hash;
    window.history.replaceState(window.history.state, '', url);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    return;
  }
  window.location.hash = hash;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function snapshot(): string {
  return window.location.hash;
}

/** Returns the current route and re-renders when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot, () => '');
  return useMemo(() => parseHash(hash), [hash]);
}
