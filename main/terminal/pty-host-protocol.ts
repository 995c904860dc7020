import { z } from 'zod';
import { PTY_WRITE_MAX_CHARS, PtyTerminalIdSchema } from '../../common/pty-socket';

// The wire between main and the pty host process (a forked child for the browser host, Electron's
// utilityProcess for the desktop). Main validates the renderer's requests with the contract's
// schemas; the pty host validates again here, so a bug or a hostile frame in main still reaches
// no pty with a malformed request.
//
// Shared terminals (issue 10 items 3-4) fit this wire as it is: events name their terminal, so
// main can fan one terminal out to several subscribers, and flow control counts what the slowest
// subscriber has not acknowledged (main sums per terminal before it sends `ack`).

const RequestId = z.number().int().nonnegative();
const Cols = z.number().int().min(2).max(1000);
const Rows = z.number().int().min(1).max(500);

export const PtyHostRequestSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('create'),
      requestId: RequestId,
      id: PtyTerminalIdSchema,
      shell: z.string().min(1).max(1024).startsWith('/'),
      args: z.array(z.string().max(4096)).max(64),
      cwd: z.string().min(1).max(4096).startsWith('/'),
      env: z.record(z.string(), z.string()),
      cols: Cols,
      rows: Rows,
    })
    .strict(),
  // A shell in a room container: `docker exec` with a TTY, made by the pty host itself so the
  // container's output stream is parsed there, not in main.
  z
    .object({
      type: z.literal('create-exec'),
      requestId: RequestId,
      id: PtyTerminalIdSchema,
      container: z.string().regex(/^[0-9a-f]{12,64}$/),
      cmd: z.array(z.string().min(1).max(4096)).min(1).max(64),
      cwd: z.string().min(1).max(4096).startsWith('/'),
      env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string().max(4096)),
      cols: Cols,
      rows: Rows,
    })
    .strict(),
  z.object({ type: z.literal('write'), id: PtyTerminalIdSchema, data: z.string().max(PTY_WRITE_MAX_CHARS) }).strict(),
  z.object({ type: z.literal('resize'), id: PtyTerminalIdSchema, cols: Cols, rows: Rows }).strict(),
  z.object({ type: z.literal('ack'), id: PtyTerminalIdSchema, chars: z.number().int().positive().max(1e9) }).strict(),
  z.object({ type: z.literal('kill'), id: PtyTerminalIdSchema }).strict(),
]);
export type PtyHostRequest = z.infer<typeof PtyHostRequestSchema>;

export type PtyHostEvent =
  | { type: 'ready'; pid: number }
  | { type: 'reply'; requestId: number; ok: true; pid: number }
  | { type: 'reply'; requestId: number; ok: false; message: string }
  | { type: 'data'; id: string; data: string }
  | { type: 'exit'; id: string; exitCode: number; signal?: number }
  /** A frame the pty host refused; main logs it (it means a bug in main, or worse). */
  | { type: 'rejected'; message: string }
  /** Something main logs as a warning (a page's terminal socket refused a frame or was dropped). */
  | { type: 'warning'; message: string };

/**
 * Main hands the pty host a page's terminal socket (common/pty-socket.ts) with this message and
 * the TCP connection as the IPC handle: the upgrade request main already checked (its cookie
 * left out) and the bytes that came after it.
 */
export const PtySocketHandoffSchema = z
  .object({
    type: z.literal('socket'),
    /** Which browser host server took the request: its sockets are closed together when it stops. */
    server: z.string().min(1).max(64),
    method: z.literal('GET'),
    url: z.string().max(8192),
    headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    head: z.instanceof(Uint8Array),
  })
  .strict();
export type PtySocketHandoff = z.infer<typeof PtySocketHandoffSchema>;

/** Main asks the pty host to close the terminal sockets one server handed over (it is stopping). */
export const PtySocketsCloseSchema = z.object({ type: z.literal('close-sockets'), server: z.string().min(1).max(64) }).strict();
export type PtySocketsClose = z.infer<typeof PtySocketsCloseSchema>;

/** Either end of the wire: a forked child's IPC channel, or an Electron parentPort / MessagePort. */
export interface PtyHostPort {
  post(message: PtyHostEvent): void;
  onMessage(listener: (message: unknown) => void): void;
}
