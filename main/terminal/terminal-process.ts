// What a terminal session drives, whatever runs behind it: a local shell through node-pty, or a
// shell in a room container through `docker exec` with a TTY. Both go through the same batching
// and acknowledgement flow control in pty-sessions.ts.

export interface TerminalProcess {
  readonly pid: number;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Stops reading output (flow control); the program blocks once the kernel's buffer fills. */
  pause(): void;
  resume(): void;
  /** Ends the program; resolves once the request is made (a container shell needs a Docker call). */
  kill(): void | Promise<void>;
  onData(listener: (data: string) => void): void;
  onExit(listener: (exit: { exitCode: number; signal?: number }) => void): void;
}
