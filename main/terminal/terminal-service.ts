import * as pty from 'node-pty';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { ErrorCode, HostError } from '../../common/errors';
import type { TerminalInfo } from '../../common/types';

// Flow control by acknowledgement, as VS Code's FlowControlConstants: the pty is paused once this
// many characters were sent and not yet acknowledged by the renderer, and resumed below the low mark.
export const FLOW_HIGH_WATERMARK_CHARS = 100_000;
export const FLOW_LOW_WATERMARK_CHARS = 5_000;
/** The renderer acknowledges after drawing about this many characters. */
export const FLOW_ACK_CHARS = 5_000;
/** Terminals one host keeps open at once. */
export const MAX_TERMINALS = 16;

interface Session {
  info: TerminalInfo;
  process: pty.IPty;
  unacknowledged: number;
  paused: boolean;
}

export interface TerminalEvents {
  onData(id: string, data: string): void;
  onExit(id: string, exitCode: number, signal?: number): void;
}

export function defaultShell(): string {
  if (process.platform === 'win32') return process.env.COMSPEC || 'powershell.exe';
  const candidates = [process.env.SHELL, '/bin/bash', '/bin/sh'];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? '/bin/sh';
}

/** Real shells through node-pty, one per terminal tab, started in the workspace folder. */
export class TerminalService {
  private readonly sessions = new Map<string, Session>();
  private nextId = 1;

  constructor(
    private readonly events: TerminalEvents,
    private readonly cwd: () => string,
    private readonly shell: () => string,
  ) {}

  create(cols: number, rows: number): TerminalInfo {
    if (this.sessions.size >= MAX_TERMINALS) {
      throw new HostError(ErrorCode.Unavailable, `${MAX_TERMINALS} terminals are open; close one to open another.`);
    }
    const shell = this.shell() || defaultShell();
    const cwd = this.cwd();
    const id = `t${this.nextId++}`;
    let child: pty.IPty;
    try {
      child = pty.spawn(shell, [], {
        name: 'xterm-256color',
        cols,
        rows,
        cwd,
        env: { ...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor', TERM_PROGRAM: 'CodeCrafter' },
      });
    } catch (error) {
      throw new HostError(
        ErrorCode.Unavailable,
        `Cannot start the shell "${shell}": ${error instanceof Error ? error.message : String(error)}. Set another shell in Settings.`,
      );
    }
    const info: TerminalInfo = { id, title: shell.split('/').pop() ?? shell, shell, cwd };
    const session: Session = { info, process: child, unacknowledged: 0, paused: false };
    this.sessions.set(id, session);
    child.onData((data) => {
      session.unacknowledged += data.length;
      if (!session.paused && session.unacknowledged > FLOW_HIGH_WATERMARK_CHARS) {
        session.paused = true;
        child.pause();
      }
      this.events.onData(id, data);
    });
    child.onExit(({ exitCode, signal }) => {
      this.sessions.delete(id);
      this.events.onExit(id, exitCode, signal || undefined);
    });
    return info;
  }

  list(): TerminalInfo[] {
    return [...this.sessions.values()].map((s) => s.info);
  }

  private get(id: string): Session {
    const session = this.sessions.get(id);
    if (!session) throw new HostError(ErrorCode.NotFound, `Terminal ${id} is not open (it may have exited).`);
    return session;
  }

  write(id: string, data: string): void {
    this.get(id).process.write(data);
  }

  resize(id: string, cols: number, rows: number): void {
    this.get(id).process.resize(cols, rows);
  }

  ack(id: string, chars: number): void {
    const session = this.sessions.get(id);
    if (!session) return; // acknowledgements for a terminal that just exited are harmless
    session.unacknowledged = Math.max(0, session.unacknowledged - chars);
    if (session.paused && session.unacknowledged < FLOW_LOW_WATERMARK_CHARS) {
      session.paused = false;
      session.process.resume();
    }
  }

  kill(id: string): void {
    const session = this.get(id);
    this.sessions.delete(id);
    session.process.kill();
  }

  dispose(): void {
    for (const session of this.sessions.values()) session.process.kill();
    this.sessions.clear();
  }
}

export function homeDirectory(): string {
  return os.homedir();
}
