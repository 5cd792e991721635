import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '@gugus/web-i18n';
import { App } from './App';

initI18n();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
