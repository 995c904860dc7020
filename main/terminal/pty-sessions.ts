import * as pty from 'node-pty';
import type { TerminalProcess } from './terminal-process';
import { splitText } from './utf16-chunks';

// Runs inside the pty host process: the ptys, their flow control and the batching of their output.

// Flow control by acknowledgement, as VS Code's FlowControlConstants: the pty is paused once this
// many characters were sent and not yet acknowledged by the renderer, and resumed below the low mark.
export const FLOW_HIGH_WATERMARK_CHARS = 100_000;
export const FLOW_LOW_WATERMARK_CHARS = 5_000;
/** The renderer acknowledges after drawing about this many characters. */
export const FLOW_ACK_CHARS = 5_000;
/**
 * Output is gathered for this long before it is sent (VS Code's TerminalDataBufferer uses 5 ms):
 * a flood then crosses the process boundary as a few large messages, not thousands of small ones.
 * The first output after a quiet spell of this length goes at once (an echo must not wait).
 */
export const OUTPUT_BATCH_MS = 5;
/** The largest piece of output in one message, in UTF-16 units. */
export const OUTPUT_PIECE_CHARS = 64 * 1024;
/**
 * Recent output each terminal keeps for a view that opens later (a reloaded page): about a
 * screen's worth of scrollback, bounded (held up to twice this between trims: 16 terminals keep
 * 16 MiB of UTF-16 at most).
 */
export const REPLAY_CHARS = 256 * 1024;

export interface PtySpawn {
  id: string;
  shell: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
}

export interface PtySessionEvents {
  onData(id: string, data: string): void;
  onExit(id: string, exitCode: number, signal?: number): void;
}

interface Session {
  process: TerminalProcess;
  unacknowledged: number;
  paused: boolean;
  pending: string;
  flush: NodeJS.Timeout | undefined;
  /** When output was last sent (performance.now()). */
  sentAt: number;
  /** The output sent lately: up to twice REPLAY_CHARS, trimmed when replayed or past that. */
  recent: string;
  /** The pty's size as last set (undefined: not known, so never nudged). */
  size: { cols: number; rows: number } | undefined;
  /** How many views asked for a replay: from the second on, the program is asked to redraw. */
  replays: number;
}

/** The last REPLAY_CHARS or fewer of `text`, from a line's start where one is near (not mid-sequence). */
export function replayTail(text: string): string {
  if (text.length <= REPLAY_CHARS) return text;
  let cut = text.length - REPLAY_CHARS;
  const newline = text.indexOf('\n', cut);
  if (newline !== -1 && newline - cut < 4096) cut = newline + 1;
  // Never half a surrogate pair.
  const code = text.charCodeAt(cut);
  if (code >= 0xdc00 && code <= 0xdfff) cut++;
  return text.slice(cut);
}

/** Real shells through node-pty, keyed by the ids main gives them. */
export class PtySessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly events: PtySessionEvents) {}

  /** Starts a pty; throws node-pty's error (a missing binary, a bad cwd) for the caller to explain. */
  create(spec: PtySpawn): number {
    if (this.sessions.has(spec.id)) throw new Error(`terminal ${spec.id} already exists`);
    const child = pty.spawn(spec.shell, spec.args, { name: 'xterm-256color', cols: spec.cols, rows: spec.rows, cwd: spec.cwd, env: spec.env });
    return this.adopt(
      spec.id,
      {
        pid: child.pid,
        write: (data) => child.write(data),
        resize: (cols, rows) => child.resize(cols, rows),
        pause: () => child.pause(),
        resume: () => child.resume(),
        kill: () => child.kill(),
        onData: (listener) => void child.onData(listener),
        onExit: (listener) => void child.onExit(({ exitCode, signal }) => listener({ exitCode, signal: signal || undefined })),
      },
      { cols: spec.cols, rows: spec.rows },
    );
  }

  /**
   * Runs any terminal process (a container's `docker exec`) through the same batching and flow
   * control; `size` is what it was started with.
   */
  adopt(id: string, child: TerminalProcess, size?: { cols: number; rows: number }): number {
    if (this.sessions.has(id)) throw new Error(`terminal ${id} already exists`);
    const spec = { id };
    const session: Session = { process: child, unacknowledged: 0, paused: false, pending: '', flush: undefined, sentAt: -Infinity, recent: '', size, replays: 0 };
    this.sessions.set(spec.id, session);
    child.onData((data) => {
      session.unacknowledged += data.length;
      if (!session.paused && session.unacknowledged > FLOW_HIGH_WATERMARK_CHARS) {
        session.paused = true;
        child.pause();
      }
      session.pending += data;
      // Paused, nothing more comes until the renderer acknowledges: send now rather than leave the
      // window idle for the rest of the batch interval (a flood measured ~3 ms of each ~20 ms cycle).
      // After a quiet spell (a keystroke's echo, a prompt) the output goes at once, so typing does
      // not wait out the batch interval; what follows within the interval is gathered.
      if (session.paused || (session.flush === undefined && performance.now() - session.sentAt >= OUTPUT_BATCH_MS)) this.flush(spec.id, session);
      else session.flush ??= setTimeout(() => this.flush(spec.id, session), OUTPUT_BATCH_MS);
    });
    child.onExit(({ exitCode, signal }) => {
      // The last output is sent before the exit, so the renderer shows it above the exit message.
      this.flush(spec.id, session);
      this.sessions.delete(spec.id);
      this.events.onExit(spec.id, exitCode, signal);
    });
    return child.pid;
  }

  private flush(id: string, session: Session): void {
    clearTimeout(session.flush);
    session.flush = undefined;
    if (!session.pending) return;
    const text = session.pending;
    session.pending = '';
    session.sentAt = performance.now();
    session.recent += text;
    if (session.recent.length > 2 * REPLAY_CHARS) session.recent = replayTail(session.recent);
    for (const piece of splitText(text, OUTPUT_PIECE_CHARS)) this.events.onData(id, piece);
  }

  /**
   * What terminal `id` printed lately, for a view that opens now (undefined: no such terminal).
   * Everything sent before it is in it and everything after it is live output, so the view
   * joins the two exactly. Flow control starts over: what earlier views left unacknowledged (a
   * reloaded page never acknowledges) no longer holds the pty paused.
   */
  replay(id: string): string | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    session.recent = replayTail(session.recent);
    session.unacknowledged = 0;
    if (session.paused) {
      session.paused = false;
      session.process.resume();
    }
    const recent = session.recent;
    // A view after the first (a reloaded page): its replay holds a full-screen program's (vim,
    // htop) screen only in part, so the program is asked to draw it again. A size change one row
    // and back is a SIGWINCH, as tmux sends on attach; the same size would send none. The new
    // screen comes as live output, after the replay.
    if (++session.replays > 1 && session.size) {
      const { cols, rows } = session.size;
      session.process.resize(cols, rows + 1);
      session.process.resize(cols, rows);
    }
    return recent;
  }

  ids(): string[] {
    return [...this.sessions.keys()];
  }

  private get(id: string): Session {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`Terminal ${id} is not open (it may have exited).`);
    return session;
  }

  write(id: string, data: string): void {
    this.get(id).process.write(data);
  }

  resize(id: string, cols: number, rows: number): void {
    const session = this.get(id);
    session.process.resize(cols, rows);
    session.size = { cols, rows };
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
    void this.get(id).process.kill();
  }

  /** Ends every terminal; resolves when each kill was requested (container shells need a Docker call). */
  dispose(): Promise<void> {
    const kills: Promise<void>[] = [];
    for (const session of this.sessions.values()) {
      clearTimeout(session.flush);
      const killed = session.process.kill();
      if (killed) kills.push(killed);
    }
    this.sessions.clear();
    return Promise.all(kills).then(() => undefined);
  }
}
