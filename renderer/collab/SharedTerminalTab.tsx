import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { SharedTerminalGuest } from './shared-terminal-guest';

// A member's tab for a terminal the host shares (issue 10 item 4): the host's screen, then its
// live output; read-only (xterm's stdin disabled) until the host grants write, and the host
// checks every keystroke message again.

export function SharedTerminalTab({ guest, sid, title }: { guest: SharedTerminalGuest; sid: string; title: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [writable, setWritable] = useState(guest.canWrite(sid));
  useEffect(() => guest.onDidChange(() => setWritable(guest.canWrite(sid))), [guest, sid]);

  useEffect(() => {
    const term = new Terminal({ disableStdin: true, scrollback: 5000, fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace' });
    term.open(host.current!);
    const detach = guest.attach(sid, {
      reset(screen, cols, rows) {
        term.reset();
        term.resize(cols, rows);
        term.write(screen);
      },
      write: (data) => term.write(data),
    });
    const input = term.onData((data) => guest.input(sid, data));
    const writableNow = guest.onDidChange(() => (term.options.disableStdin = !guest.canWrite(sid)));
    return () => {
      writableNow();
      input.dispose();
      detach();
      term.dispose();
    };
  }, [guest, sid]);

  return (
    <div className="terminal-pane" data-shared-terminal={sid}>
      <p role="status" className="shared-terminal-mode">
        {title}: shared by the host, {writable ? 'you may type' : 'read-only'}
      </p>
      <div className="terminal-host" ref={host} aria-label={`Shared terminal ${title}`} />
    </div>
  );
}
