/** What the Wails runtime offers for links (absent in browser mode). */
interface RuntimeWithBrowser {
  BrowserOpenURL?: (url: string) => void;
}

/**
 * Opens an https address in the system browser: through the Wails runtime in
 * the desktop window (a web view cannot open tabs), in a new tab in browser
 * mode. Anything but https is ignored.
 */
export function openExternal(url: string): void {
  if (!/^https:\/\//.test(url)) return;
  const runtime = (window as unknown as { runtime?: RuntimeWithBrowser }).runtime;
  if (runtime?.BrowserOpenURL !== undefined) {
    runtime.BrowserOpenURL(url);
    return;
  }
  window.open(url, '_blank', 'noopener,noreferrer');
}
