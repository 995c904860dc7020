import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './workbench/App';
import { logUncaughtErrors } from './log';

// Before the first render, so an error while building the workbench reaches the log too.
logUncaughtErrors();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
