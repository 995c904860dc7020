import { FitAddon } from '@xterm/addon-fit';
import type { SearchAddon } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { TerminalInfo } from '../../common/types';
import { terminalViews } from '../app-context';
import { api } from '../host';
import { useWorkbench } from '../state/store';
import { closeTerminal, restartTerminal } from './terminal-actions';
import { attachViewKeys, loadViewAddons } from './terminal-addons';
import { TerminalFind } from './TerminalFind';
import { terminalTransport } from './terminal-transport';
import { useTerminalRenderer } from './use-terminal-renderer';

/** Characters drawn before the renderer acknowledges them to the host (VS Code's ack size). */
const ACK_CHARS = 5_000;

const DARK_THEME = { background: '#1e1e1e', foreground: '#cccccc', cursor: '#aeafad', selectionBackground: '#264f78' };
const LIGHT_THEME = { background: '#ffffff', foreground: '#333333', cursor: '#333333', selectionBackground: '#add6ff' };

/** Why a terminal stopped: its shell exited, or the whole terminal process died. */
type Ended = { kind: 'exit'; message: string } | { kind: 'host'; message: string };

function exitMessage(exitCode: number, signal?: number): string {
  if (signal) return `The shell was stopped by signal ${signal}.`;
  return exitCode === 0 ? 'The shell exited.' : `The shell exited with code ${exitCode}.`;
}

/** One xterm.js terminal bound to one pty on the host; it follows its pane's size. */
export function TerminalView({ info, active, visible }: { info: TerminalInfo; active: boolean; visible: boolean }) {
  const id = info.id;
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const [search, setSearch] = useState<SearchAddon | null>(null);
  const [finding, setFinding] = useState(false);
  const [ended, setEnded] = useState<Ended | null>(null);
  const theme = useWorkbench((s) => s.settings.theme);
  const fontSize = useWorkbench((s) => s.settings.terminalFontSize);
  const [opened, setOpened] = useState<Terminal | null>(null);
  useTerminalRenderer(opened, id);

  useEffect(() => {
    const term = new Terminal({
      fontSize,
      cursorBlink: true,
      scrollback: 5000,
      allowProposedApi: true, // the unicode11 addon switches widths through a proposed API
      theme: theme === 'light' ? LIGHT_THEME : DARK_THEME,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    const searchAddon = loadViewAddons(term);
    term.open(host.current!);
    termRef.current = term;
    fitRef.current = fit;
    setOpened(term);
    setSearch(searchAddon);
    const offProbe = terminalViews.probe.register(id, term);
    const offScreen = terminalViews.screens.register(id, term);

    attachViewKeys(term, () => setFinding(true));

    // What the terminal printed before this view (its prompt; after a reload, the screen it had),
    // then its live output. Only live output is under flow control, so only it is acknowledged.
    let drawn = 0;
    const offData = terminalTransport.attach(id, (data, counted) => {
      if (!counted) return term.write(data);
      term.write(data, () => {
        drawn += data.length;
        if (drawn >= ACK_CHARS) {
          const chars = drawn;
          drawn = 0;
          void terminalTransport.ack(id, chars).catch(() => {
            // The terminal exited meanwhile; its exit event says so.
          });
        }
      });
    });
    const offExit = terminalTransport.onExit((event) => {
      if (event.id === id) setEnded({ kind: 'exit', message: exitMessage(event.exitCode, event.signal) });
    });
    const offHost = api.terminal.onDidHostExit(({ message }) => setEnded({ kind: 'host', message }));
    // Input and resizes to a terminal that ended are dropped: the banner says what happened.
    const input = term.onData((data) => void terminalTransport.write(id, data).catch(() => {}));
    const resized = term.onResize(({ cols, rows }) => {
      terminalViews.sizes.note(id, cols, rows);
      void terminalTransport.resize(id, cols, rows).catch(() => {});
    });
    const observer = new ResizeObserver(() => {
      if (host.current && host.current.offsetWidth > 0 && host.current.offsetHeight > 0) fit.fit();
    });
    observer.observe(host.current!);
    return () => {
      observer.disconnect();
      offProbe();
      offScreen();
      offData();
      offExit();
      offHost();
      input.dispose();
      resized.dispose();
      terminalViews.sizes.forget(id);
      setOpened(null);
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
    if (visible) fitRef.current?.fit();
    if (active && visible) termRef.current?.focus();
  }, [active, visible]);

  return (
    <div className="terminal-pane" hidden={!visible} data-terminal-id={id}>
      <div className="terminal-host" ref={host} aria-label={`Terminal ${info.title}`} />
      {finding && search && (
        <TerminalFind
          search={search}
          onClose={() => {
            setFinding(false);
            termRef.current?.focus();
          }}
        />
      )}
      {ended && (
        <div className="terminal-ended" role="alert">
          <span>{ended.message}</span>
          <button onClick={() => void restartTerminal(info, ended.kind === 'host')}>Restart</button>
          <button onClick={() => void closeTerminal(id, false)}>Close</button>
        </div>
      )}
    </div>
  );
}
