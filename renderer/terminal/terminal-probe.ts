import type { Terminal } from '@xterm/xterm';

// A read-only window onto the xterm buffers, for the end-to-end tests and the bench (they read
// what the terminal shows, and time xterm's own `write` in the same page). It exposes nothing a
// page script could not already see on the screen. The window's one is made in app-context.ts
// and put on `window` by main.tsx.

export interface TerminalProbeApi {
  ids(): string[];
  /** The buffer's text (scrollback included), or only its last `lastLines` lines. */
  text(id: string, lastLines?: number): string;
  size(id: string): { cols: number; rows: number } | null;
  /** Writes straight into the xterm (not the pty) and resolves once it was parsed. */
  write(id: string, data: string): Promise<void>;
  /**
   * Types `data` as the user would (through the pty) and resolves with the milliseconds until
   * the echo was parsed into the buffer, and until the next frame after that was drawn:
   * keystroke-to-echo latency without and with the wait for the display's frame.
   */
  echo(id: string, data: string): Promise<{ parsedMs: number; frameMs: number }>;
}

declare global {
  interface Window {
    codecrafterTerminalProbe?: TerminalProbeApi;
  }
}

function bufferText(term: Terminal, lastLines = Infinity): string {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = Math.max(0, buffer.length - lastLines); i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
  return lines.join('\n').trimEnd();
}

export class TerminalProbe {
  private readonly terminals = new Map<string, Terminal>();

  register(id: string, term: Terminal): () => void {
    this.terminals.set(id, term);
    return () => this.terminals.delete(id);
  }

  /** What the page exposes as `window.codecrafterTerminalProbe`. */
  api(): TerminalProbeApi {
    const terminals = this.terminals;
    return {
      ids: () => [...terminals.keys()],
      text: (id, lastLines) => {
        const term = terminals.get(id);
        return term ? bufferText(term, lastLines) : '';
      },
      size: (id) => {
        const term = terminals.get(id);
        return term ? { cols: term.cols, rows: term.rows } : null;
      },
      write: (id, data) => new Promise<void>((resolve) => (terminals.get(id) ? terminals.get(id)!.write(data, resolve) : resolve())),
      echo: (id, data) =>
        new Promise<{ parsedMs: number; frameMs: number }>((resolve, reject) => {
          const term = terminals.get(id);
          if (!term) return reject(new Error(`no terminal ${id}`));
          const start = performance.now();
          const parsed = term.onWriteParsed(() => {
            parsed.dispose();
            const parsedMs = performance.now() - start;
            requestAnimationFrame(() => resolve({ parsedMs, frameMs: performance.now() - start }));
          });
          term.input(data, true);
        }),
    };
  }
}
