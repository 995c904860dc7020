import type { SearchAddon } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { terminalViews } from '../app-context';
import { attachViewKeys, loadViewAddons } from '../terminal/terminal-addons';
import { TerminalFind } from '../terminal/TerminalFind';
import { useTerminalRenderer } from '../terminal/use-terminal-renderer';
import { sharedTabId } from './room-terminals';
import type { SharedTerminalGuest } from './shared-terminal-guest';

// A member's tab for a terminal the host shares (issue 10 item 4): the host's screen, then its
// live output, at the host's size; read-only (xterm's stdin disabled) until the host grants
// write, and the host checks every keystroke message again. It stays mounted while hidden, as
// the member's own terminals do, so switching tabs keeps the screen.

export function SharedTerminalTab({ guest, sid, title, visible }: { guest: SharedTerminalGuest; sid: string; title: string; visible: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const [opened, setOpened] = useState<Terminal | null>(null);
  useTerminalRenderer(opened, sharedTabId(sid));
  const [search, setSearch] = useState<SearchAddon | null>(null);
  const [finding, setFinding] = useState(false);
  const [writable, setWritable] = useState(guest.canWrite(sid));
  useEffect(() => guest.onDidChange(() => setWritable(guest.canWrite(sid))), [guest, sid]);

  useEffect(() => {
    // The host's terminal's widths, links, find, copy and paste (allowProposedApi: for unicode 11).
    const term = new Terminal({ disableStdin: !guest.canWrite(sid), scrollback: 5000, allowProposedApi: true, fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace' });
    setSearch(loadViewAddons(term));
    attachViewKeys(term, () => setFinding(true));
    term.open(host.current!);
    termRef.current = term;
    setOpened(term);
    const offProbe = terminalViews.probe.register(sharedTabId(sid), term);
    const detach = guest.attach(sid, {
      reset(screen, cols, rows) {
        term.reset();
        term.resize(cols, rows);
        term.write(screen);
      },
      write: (data) => term.write(data),
    });
    const input = term.onData((data) => guest.input(sid, data));
    const offChange = guest.onDidChange((terminals) => {
      term.options.disableStdin = !guest.canWrite(sid);
      // The host's terminal was resized: its output is laid out for the new size.
      const entry = terminals.find((t) => t.sid === sid);
      if (entry && (entry.cols !== term.cols || entry.rows !== term.rows)) term.resize(entry.cols, entry.rows);
    });
    return () => {
      offChange();
      input.dispose();
      detach();
      offProbe();
      termRef.current = null;
      setOpened(null);
      term.dispose();
    };
  }, [guest, sid]);

  useEffect(() => {
    if (visible) termRef.current?.focus();
  }, [visible]);

  return (
    <div className="terminal-pane shared-terminal-pane" hidden={!visible} data-shared-terminal={sid}>
      <p role="status" aria-label={`Shared terminal ${title} mode`} className="shared-terminal-mode">
        {title}: shared by the host, {writable ? 'you may type' : 'read-only'}
      </p>
      <div className="terminal-host" ref={host} aria-label={`Shared terminal ${title}`} />
      {finding && search && (
        <TerminalFind
          search={search}
          onClose={() => {
            setFinding(false);
            termRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
