import { z } from 'zod';

// The browser host's terminal socket (issue 10 item 1): the browser's counterpart of the desktop's
// MessagePort (pty-port.ts). Main checks the upgrade request (Host, Origin, token) and hands the
// TCP connection itself to the pty host process, which completes the WebSocket handshake, so
// terminal output and keystrokes never cross main's event loop. Resizes stay with the contract:
// they are rare, and main records them for the asciicast.
//
// Frames from the page are JSON (`listen`, `write`, `ack`, `replay`), validated by the pty host.
// Frames to the page are text: output is `<terminal id>:<data>` (no JSON escaping of every control
// character in a flood); anything else is a JSON object (`listening`, `exit`, `replay`, `error`).

export const PTY_SOCKET_PATH = '/pty';
/** Largest frame from a page: a paste of 1 MiB characters, each possibly escaped to six in JSON. */
export const PTY_SOCKET_MAX_FRAME_BYTES = 8 * 1024 * 1024;

export const PtyTerminalIdSchema = z.string().regex(/^t[0-9]{1,9}$/);
/** Largest keystroke or paste in one frame, in UTF-16 units. */
export const PTY_WRITE_MAX_CHARS = 1024 * 1024;

export const PtySocketClientFrameSchema = z.discriminatedUnion('type', [
  /** From now on, send this page every terminal's output and exits. */
  z.object({ type: z.literal('listen') }).strict(),
  z.object({ type: z.literal('write'), id: PtyTerminalIdSchema, data: z.string().max(PTY_WRITE_MAX_CHARS) }).strict(),
  z.object({ type: z.literal('ack'), id: PtyTerminalIdSchema, chars: z.number().int().positive().max(1e9) }).strict(),
  /**
   * A view of this terminal opened (a new tab, or the page reloaded): send it what the terminal
   * printed lately, as one `replay` frame in line with the live output, so the view starts from
   * there with nothing lost or repeated. The terminal's flow control starts over with it.
   */
  z.object({ type: z.literal('replay'), id: PtyTerminalIdSchema }).strict(),
]);
export type PtySocketClientFrame = z.infer<typeof PtySocketClientFrameSchema>;

const PtySocketControlSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('listening') }),
  z.object({ type: z.literal('exit'), id: PtyTerminalIdSchema, exitCode: z.number().int(), signal: z.number().int().optional() }),
  /** A terminal's recent output, for the view that asked (empty for a terminal that is gone). */
  z.object({ type: z.literal('replay'), id: PtyTerminalIdSchema, data: z.string() }),
  /** A frame the pty host refused, with why. */
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type PtySocketControl = z.infer<typeof PtySocketControlSchema>;

export type PtySocketEvent = { type: 'data'; id: string; data: string } | PtySocketControl;

/** An output frame: the terminal's id, a colon, then the output as it is. */
export function encodePtyData(id: string, data: string): string {
  return `${id}:${data}`;
}

/** Reads a frame from the pty host; undefined for one that is neither output nor a known event. */
export function decodePtySocketFrame(text: string): PtySocketEvent | undefined {
  if (text.startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return undefined;
    }
    const parsed = PtySocketControlSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }
  const colon = text.indexOf(':');
  if (colon < 0 || colon > 10) return undefined;
  const id = text.slice(0, colon);
  return PtyTerminalIdSchema.safeParse(id).success ? { type: 'data', id, data: text.slice(colon + 1) } : undefined;
}
