import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { api } from '../host';
import { useWorkbench } from '../state/store';
import { removeTerminal } from '../workbench/actions';

/** Characters drawn before the renderer acknowledges them to the host (VS Code's ack size). */
const ACK_CHARS = 5_000;

const DARK_THEME = { background: '#1e1e1e', foreground: '#cccccc', cursor: '#aeafad' };
const LIGHT_THEME = { background: '#ffffff', foreground: '#333333', cursor: '#333333' };

/** One xterm.js terminal bound to one pty on the host; it follows its pane's size. */
export function TerminalView({ id, active }: { id: string; active: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const theme = useWorkbench((s) => s.settings.theme);
  const fontSize = useWorkbench((s) => s.settings.terminalFontSize);

  useEffect(() => {
    const term = new Terminal({
      fontSize,
      cursorBlink: true,
      scrollback: 5000,
      theme: theme === 'light' ? LIGHT_THEME : DARK_THEME,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current!);
    termRef.current = term;
    fitRef.current = fit;
    let drawn = 0;
    const offData = api.terminal.onDidData((event) => {
      if (event.id !== id) return;
      term.write(event.data, () => {
        drawn += event.data.length;
        if (drawn >= ACK_CHARS) {
          void api.terminal.ack({ id, chars: drawn }).catch(() => {});
          drawn = 0;
        }
      });
    });
    const offExit = api.terminal.onDidExit((event) => {
      if (event.id === id) removeTerminal(id);
    });
    const input = term.onData((data) => void api.terminal.write({ id, data }).catch(() => {}));
    const resized = term.onResize(({ cols, rows }) => void api.terminal.resize({ id, cols, rows }).catch(() => {}));
    const observer = new ResizeObserver(() => {
      if (host.current && host.current.offsetWidth > 0 && host.current.offsetHeight > 0) fit.fit();
    });
    observer.observe(host.current!);
    return () => {
      observer.disconnect();
      offData();
      offExit();
      input.dispose();
      resized.dispose();
      term.dispose();
    };
    // The terminal lives as long as its id; theme and font changes are applied below.
  }, [id]);

  useEffect(() => {
    const term = termRef.current;
    if (!term) return;
    term.options.theme = theme === 'light' ? LIGHT_THEME : DARK_THEME;
    term.options.fontSize = fontSize;
    fitRef.current?.fit();
  }, [theme, fontSize]);

  useEffect(() => {
    if (active) {
      fitRef.current?.fit();
      termRef.current?.focus();
    }
  }, [active]);

  return <div className="terminal-host" ref={host} hidden={!active} data-terminal-id={id} aria-label={`Terminal ${id}`} />;
}
