import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './workbench/App';
import { logUncaughtErrors } from './log';
import { terminalViews } from './app-context';

// Before the first render, so an error while building the workbench reaches the log too.
logUncaughtErrors();
window.codecrafterTerminalProbe = terminalViews.probe.api();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
