import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { parseHash } from './lib/router';
import { defaultPageId, findPage } from './shell/routes';
// Inter in the three weights the UI uses, as static faces: WebKitGTK (the desktop
// window) does not apply weights from a variable font. Latin and Latin Extended
// only; other scripts fall back to the system font.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-ext-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-ext-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-ext-600.css';
import './styles/global.css';

const root = document.getElementById('root');
if (root === null) {
  throw new Error('chatflow: the page has no #root element.');
}
// The first page's code is fetched before the first render, so that page
// renders without showing the loading fallback (see lazyPage in
// shell/routes.ts). A slow or failed fetch only falls back to lazy loading.
const first = findPage(parseHash(window.location.hash).page) ?? findPage(defaultPageId);
const firstPageCode = Promise.race([first?.preload(), new Promise((resolve) => setTimeout(resolve, 3000))]);
void firstPageCode
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
