import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
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
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
