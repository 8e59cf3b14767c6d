import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import '@fontsource-variable/inter';
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
