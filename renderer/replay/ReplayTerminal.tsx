import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useMemo, useRef } from 'react';
import type { StoredHistoryEvent } from '../../common/contract-history';

/** One recorded terminal as it was at `time`: its output up to then, drawn by xterm.js. */
export function ReplayTerminal({ terminalId, events, time }: { terminalId: string; events: StoredHistoryEvent[]; time: number }) {
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const written = useRef('');
  const open = useMemo(() => events.find((e) => e.event.kind === 'terminal-open' && e.event.terminalId === terminalId), [events, terminalId]);

  useEffect(() => {
    const size = open?.event.kind === 'terminal-open' ? open.event : { width: 80, height: 24 };
    const term = new Terminal({
      cols: Math.min(size.width, 300),
      rows: Math.min(size.height, 60),
      disableStdin: true,
      scrollback: 5000,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    });
    term.open(host.current!);
    termRef.current = term;
    written.current = '';
    return () => {
      term.dispose();
      termRef.current = null;
    };
  }, [open]);

  useEffect(() => {
    const term = termRef.current;
    if (!term) return;
    let output = '';
    for (const e of events) {
      if (e.time > time) break;
      if (e.event.kind === 'terminal-data' && e.event.terminalId === terminalId && e.event.stream === 'o') output += e.event.data;
    }
    // Forward play appends; a seek back redraws from the start.
    if (output.startsWith(written.current)) term.write(output.slice(written.current.length));
    else {
      term.reset();
      term.write(output);
    }
    written.current = output;
  }, [events, time, terminalId]);

  return <div className="replay-terminal" ref={host} role="img" aria-label={`Terminal ${terminalId} as it was`} />;
}
