import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecentLog } from '../../common/log';
import { api } from '../host';
import { notify } from './actions';
import { formatLog } from './log-format';
import { LogsView } from './LogsView';

// "Developer: Show Logs" (issue 12): the recent log, read-only, newest at the bottom, with the
// folder it lives in. Opened from the command palette or Settings through one window event, so
// no store state is needed for a dialog nobody else reads.

const SHOW_LOGS_EVENT = 'codecrafter:show-logs';

export function showLogs(): void {
  window.dispatchEvent(new CustomEvent(SHOW_LOGS_EVENT));
}

const isElectron = () => window.codecrafter !== undefined;

export function LogsDialog() {
  const [open, setOpen] = useState(false);
  const [log, setLog] = useState<RecentLog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const refresh = useCallback(async () => {
    try {
      setLog(await api.app.readLog());
      setError(null);
    } catch (e) {
      // Shown in the dialog itself; the failed request is logged by main's dispatcher.
      setError(`Could not read the log: ${(e as Error).message}`);
    }
  }, []);

  useEffect(() => {
    const onShow = () => {
      returnFocus.current = document.activeElement as HTMLElement | null;
      setOpen(true);
      void refresh();
    };
    window.addEventListener(SHOW_LOGS_EVENT, onShow);
    return () => window.removeEventListener(SHOW_LOGS_EVENT, onShow);
  }, [refresh]);

  // Newest at the bottom, and scrolled there, as a terminal shows it.
  useEffect(() => {
    const area = textRef.current;
    if (area) {
      area.scrollTop = area.scrollHeight;
      area.focus();
    }
  }, [log, open]);

  if (!open) return null;
  const close = () => {
    setOpen(false);
    returnFocus.current?.focus();
  };
  const text = log ? formatLog(log.text) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      notify('Log copied to the clipboard.', 'info');
    } catch (e) {
      notify(`Could not copy the log: ${(e as Error).message}. Select the text and copy it instead.`);
    }
  };
  const openFolder = async () => {
    try {
      await api.app.openLogFolder();
    } catch (e) {
      notify((e as Error).message);
    }
  };

  return <LogsView log={log} error={error} textRef={textRef} electron={isElectron()} onRefresh={() => void refresh()} onCopy={() => void copy()} onOpenFolder={() => void openFolder()} onClose={close} />;
}
