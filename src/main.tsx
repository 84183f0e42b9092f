/** Entry point: i18n, global styles, the App. The engine never loads here (it lives in the worker). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './ui/app/global.css';
import { App } from './ui/app/App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
