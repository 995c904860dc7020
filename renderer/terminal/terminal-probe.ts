import type { Terminal } from '@xterm/xterm';

// A read-only window onto the xterm buffers, for the end-to-end tests and the bench (they read
// what the terminal shows, and time xterm's own `write` in the same page). It exposes nothing a
// page script could not already see on the screen.

const terminals = new Map<string, Terminal>();

export function registerTerminalForProbe(id: string, term: Terminal): () => void {
  terminals.set(id, term);
  return () => terminals.delete(id);
}

function bufferText(term: Terminal): string {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
  return lines.join('\n').trimEnd();
}

declare global {
  interface Window {
    codecrafterTerminalProbe?: {
      ids(): string[];
      text(id: string): string;
      size(id: string): { cols: number; rows: number } | null;
      /** Writes straight into the xterm (not the pty) and resolves once it was parsed. */
      write(id: string, data: string): Promise<void>;
    };
  }
}

window.codecrafterTerminalProbe = {
  ids: () => [...terminals.keys()],
  text: (id) => {
    const term = terminals.get(id);
    return term ? bufferText(term) : '';
  },
  size: (id) => {
    const term = terminals.get(id);
    return term ? { cols: term.cols, rows: term.rows } : null;
  },
  write: (id, data) => new Promise<void>((resolve) => (terminals.get(id) ? terminals.get(id)!.write(data, resolve) : resolve())),
};
