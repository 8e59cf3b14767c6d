import { System } from './backend';

let announced: Promise<void> | null = null;

/**
 * Tells the Go side, once per page load, that the UI has rendered, and which
 * page it shows. The desktop smoke test waits for this call, so it must happen
 * exactly once even when React runs effects twice in development.
 */
export function announceReady(): Promise<void> {
  announced ??= System.FrontendReady(window.location.hash).catch((err: unknown) => {
    console.error('chatflow: FrontendReady failed:', err);
  });
  return announced;
}
