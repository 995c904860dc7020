import type { Socket } from 'node:net';
import os from 'node:os';
import { CONTAINER_TERMINAL_SHELL } from '../../common/contract-room-container';
import { ErrorCode, HostError } from '../../common/errors';
import type { TerminalInfo, TerminalProfile } from '../../common/types';
import { forkPtyHost, type PtyHostConnection, type PtyHostStarter } from './pty-host-fork';
import type { PtyHostEvent, PtyHostRequest, PtySocketHandoff } from './pty-host-protocol';
import { isExecutableFile, readShellProfiles } from './shell-profiles';
import { getLogger } from '../log/log-service';

const log = getLogger('terminal');

/** Terminals one host keeps open at once. */
export const MAX_TERMINALS = 16;
/** The room container terminal's folder (the container's own path). */
const CONTAINER_WORKSPACE = '/workspace';
/** How long a new pty may take to start before the user is told. */
const CREATE_TIMEOUT_MS = 15_000;
/**
 * How long dispose waits for the pty host to end: it hangs up its container shells first (two
 * round trips to dockerd each, which a loaded machine took over 3 s for), then exits by itself.
 */
const HOST_END_WAIT_MS = 12_000;

export interface TerminalEvents {
  onData(id: string, data: string): void;
  onExit(id: string, exitCode: number, signal?: number): void;
  /** The pty host process died: every terminal is gone; `message` says so and what to do. */
  onHostExit(message: string): void;
}

export interface TerminalCreate {
  cols: number;
  rows: number;
  /** A profile's shell; absent means the shell from Settings, else the login shell. */
  shell?: string;
}

export function defaultShell(): string {
  const candidates = [process.env.SHELL, '/bin/bash', '/bin/sh'];
  return candidates.find((c): c is string => !!c && isExecutableFile(c)) ?? '/bin/sh';
}

interface RunningHost {
  connection: PtyHostConnection;
  pending: Map<number, { resolve: (pid: number) => void; reject: (error: Error) => void }>;
}

/**
 * Main's side of the terminals: names, profiles and errors here; the ptys themselves run in the
 * pty host process, so a flood of output or a wedged pty never holds main's event loop, and a
 * crash of that process takes only the terminals with it.
 */
export class TerminalService {
  private readonly terminals = new Map<string, TerminalInfo>();
  private host: RunningHost | undefined;
  private nextId = 1;
  private nextRequest = 1;
  private disposed = false;

  constructor(
    private readonly events: TerminalEvents,
    private readonly cwd: () => string,
    private readonly shellSetting: () => string,
    private readonly startHost: PtyHostStarter = forkPtyHost,
    private readonly createTimeoutMs = CREATE_TIMEOUT_MS,
  ) {}

  profiles(): TerminalProfile[] {
    return readShellProfiles();
  }

  /** The pty host's process id, started on demand (tests and the bench measure and kill it). */
  hostPid(): number | undefined {
    return this.ensureHost().connection.pid;
  }

  private ensureHost(): RunningHost {
    if (this.disposed) throw new HostError(ErrorCode.Unavailable, 'The app is shutting down.');
    if (this.host) return this.host;
    const connection = this.startHost();
    const running: RunningHost = { connection, pending: new Map() };
    connection.onMessage((message) => this.onHostMessage(running, message));
    connection.onExit((how) => this.onHostGone(running, how));
    this.host = running;
    return running;
  }

  private onHostMessage(running: RunningHost, message: PtyHostEvent): void {
    switch (message.type) {
      case 'data':
        if (this.terminals.has(message.id)) this.events.onData(message.id, message.data);
        return;
      case 'exit':
        if (this.terminals.delete(message.id)) this.events.onExit(message.id, message.exitCode, message.signal);
        return;
      case 'reply': {
        const waiter = running.pending.get(message.requestId);
        running.pending.delete(message.requestId);
        if (message.ok) waiter?.resolve(message.pid);
        else waiter?.reject(new Error(message.message));
        return;
      }
      case 'rejected':
        log.error({ reason: message.message }, 'the pty host refused a request');
        return;
      case 'warning':
        log.warn({ reason: message.message }, 'pty host');
        return;
      case 'ready':
        return;
    }
  }

  private onHostGone(running: RunningHost, how: string): void {
    if (this.host !== running) return;
    this.host = undefined;
    for (const waiter of running.pending.values()) waiter.reject(new Error(`the terminal host process ${how}`));
    running.pending.clear();
    if (this.disposed) return;
    const lost = this.terminals.size;
    this.terminals.clear();
    log.error({ how, lost }, 'the pty host process ended; its terminals are lost');
    this.events.onHostExit(
      `The terminal process stopped (${how}), so ${lost === 1 ? 'its terminal was' : 'its terminals were'} closed. ` +
        'Nothing else was affected: press Restart to open a new terminal.',
    );
  }

  async create({ cols, rows, shell: asked }: TerminalCreate): Promise<TerminalInfo> {
    if (this.terminals.size >= MAX_TERMINALS) {
      throw new HostError(ErrorCode.Unavailable, `${MAX_TERMINALS} terminals are open; close one to open another.`);
    }
    const setting = this.shellSetting();
    if (asked !== undefined && asked !== setting && !this.profiles().some((p) => p.shell === asked)) {
      throw new HostError(ErrorCode.InvalidArgument, `"${asked}" is not a shell listed in /etc/shells on this machine. Pick one from the terminal's profile list.`);
    }
    const shell = asked ?? (setting || defaultShell());
    if (!isExecutableFile(shell)) {
      throw new HostError(
        ErrorCode.NotFound,
        `No shell at "${shell}": it is not installed on this machine. Pick another profile from the terminal's profile list, or change "Shell" in Settings.`,
      );
    }
    const cwd = this.cwd();
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    Object.assign(env, { TERM: 'xterm-256color', COLORTERM: 'truecolor', TERM_PROGRAM: 'CodeCrafter' });
    return this.start({ title: shell.split('/').pop() ?? shell, shell, cwd }, (requestId, id) => ({ type: 'create', requestId, id, shell, args: [], cwd, env, cols, rows }), () =>
      `Cannot start the shell "${shell}" in ${cwd}`,
    );
  }

  /**
   * A shell in a room container (`docker exec` with a TTY), made in the pty host and flowing
   * through the same session, flow control and events as a local terminal.
   */
  async createInContainer({ container, cols, rows, title }: { container: string; cols: number; rows: number; title: string }): Promise<TerminalInfo> {
    if (this.terminals.size >= MAX_TERMINALS) {
      throw new HostError(ErrorCode.Unavailable, `${MAX_TERMINALS} terminals are open; close one to open another.`);
    }
    const cmd = ['/bin/bash', '-l'];
    const env = { TERM: 'xterm-256color', COLORTERM: 'truecolor', TERM_PROGRAM: 'CodeCrafter' };
    return this.start({ title, shell: CONTAINER_TERMINAL_SHELL, cwd: CONTAINER_WORKSPACE }, (requestId, id) => ({ type: 'create-exec', requestId, id, container, cmd, cwd: CONTAINER_WORKSPACE, env, cols, rows }), () =>
      'Cannot open a shell in the room container',
    );
  }

  private async start(base: Omit<TerminalInfo, 'id'>, request: (requestId: number, id: string) => PtyHostRequest, failure: () => string): Promise<TerminalInfo> {
    const id = `t${this.nextId++}`;
    const host = this.ensureHost();
    const requestId = this.nextRequest++;
    const info: TerminalInfo = { id, ...base };
    // Registered before the reply so output that races the reply is not dropped.
    this.terminals.set(id, info);
    try {
      await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          // A pty that starts after all (a slow docker exec) would run on with nobody to show or
          // stop it: it is killed as soon as its reply comes.
          host.pending.set(requestId, { resolve: () => host.connection.send({ type: 'kill', id }), reject: () => {} });
          reject(new Error('it did not start in time'));
        }, this.createTimeoutMs);
        host.pending.set(requestId, {
          resolve: (pid) => (clearTimeout(timer), resolve(pid)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        });
        host.connection.send(request(requestId, id));
      });
    } catch (error) {
      this.terminals.delete(id);
      throw new HostError(ErrorCode.Unavailable, `${failure()}: ${error instanceof Error ? error.message : String(error)}. Try again, or pick another profile.`);
    }
    return info;
  }

  list(): TerminalInfo[] {
    return [...this.terminals.values()];
  }

  private running(id: string): RunningHost {
    if (!this.terminals.has(id)) throw new HostError(ErrorCode.NotFound, `Terminal ${id} is not open (it may have exited).`);
    if (!this.host) throw new HostError(ErrorCode.Unavailable, 'The terminal process stopped: press Restart to open a new terminal.');
    return this.host;
  }

  rename(id: string, title: string): TerminalInfo {
    this.running(id);
    const info = { ...this.terminals.get(id)!, title };
    this.terminals.set(id, info);
    return info;
  }

  write(id: string, data: string): void {
    this.running(id).connection.send({ type: 'write', id, data });
  }

  resize(id: string, cols: number, rows: number): void {
    this.running(id).connection.send({ type: 'resize', id, cols, rows });
  }

  ack(id: string, chars: number): void {
    // Acknowledgements for a terminal that just exited are harmless.
    if (this.terminals.has(id)) this.host?.connection.send({ type: 'ack', id, chars });
  }

  kill(id: string): void {
    this.running(id).connection.send({ type: 'kill', id });
  }

  /**
   * A page's terminal socket (common/pty-socket.ts), checked by the caller: the pty host takes
   * the connection and completes the handshake, starting first if it was not running.
   */
  adoptSocket(handoff: PtySocketHandoff, socket: Socket): void {
    const { connection } = this.ensureHost();
    if (!connection.adoptSocket) throw new HostError(ErrorCode.Unsupported, 'This host gives windows their own terminal port; it takes no terminal sockets.');
    connection.adoptSocket(handoff, socket);
  }

  /** Closes the terminal sockets one browser host server handed over; that server is stopping. */
  closeSockets(server: string): void {
    this.host?.connection.closeSockets?.({ type: 'close-sockets', server });
  }

  /** Starts a new pty host after a crash (the old terminals are gone; new ones can be opened). */
  restartHost(): void {
    this.ensureHost();
  }

  /** Ends every terminal; resolves once the pty host has ended (or after HOST_END_WAIT_MS). */
  dispose(): Promise<void> {
    this.disposed = true;
    this.terminals.clear();
    const host = this.host;
    if (!host) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        log.warn({ waitedMs: HOST_END_WAIT_MS }, 'the pty host had not ended when the app stopped waiting for it');
        resolve();
      }, HOST_END_WAIT_MS);
      host.connection.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      host.connection.kill();
    });
  }
}

export function homeDirectory(): string {
  return os.homedir();
}
