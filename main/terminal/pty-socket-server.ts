import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  PTY_SOCKET_MAX_FRAME_BYTES,
  PtySocketClientFrameSchema,
  encodePtyData,
  type PtySocketControl,
} from '../../common/pty-socket';
import type { PtyHostEvent, PtyHostRequest, PtySocketHandoff } from './pty-host-protocol';

// Runs inside the pty host process (the browser host's): pages' terminal sockets, handed over by
// main with the TCP connection (common/pty-socket.ts). Output and exits go to every page that
// listens, as the desktop's window ports get them; keystrokes and acknowledgements from a page
// join main's requests, where they are validated once more.

/**
 * Output a page may leave unread before its socket is closed: a page that stopped reading (a
 * frozen tab) would otherwise hold a flood in this process's memory. Flow control keeps a page
 * that draws what it gets far below this.
 */
export const PTY_SOCKET_MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export interface PtySocketServerOptions {
  /** A page's write or ack, in the pty host's request form. */
  request(request: PtyHostRequest): void;
  /** A terminal's recent output for a view that opens (PtySessions.replay); undefined for none. */
  replay(id: string): string | undefined;
  /** Something main should log (a page dropped, a refused frame). */
  warn(message: string): void;
}

export class PtySocketServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: PTY_SOCKET_MAX_FRAME_BYTES });
  private readonly listening = new Set<WebSocket>();
  /** Every open socket, with the server that handed it over. */
  private readonly open = new Map<WebSocket, string>();

  constructor(private readonly options: PtySocketServerOptions) {}

  /** Completes the WebSocket handshake of an upgrade request main has checked. */
  adopt(handoff: PtySocketHandoff, socket: Socket): void {
    const request = { method: handoff.method, url: handoff.url, headers: handoff.headers } as unknown as IncomingMessage;
    // A request that is not a valid WebSocket upgrade gets ws's 400 and the connection closes.
    this.wss.handleUpgrade(request, socket, Buffer.from(handoff.head), (ws) => this.serve(ws, handoff.server));
  }

  private serve(ws: WebSocket, server: string): void {
    this.open.set(ws, server);
    const refuse = (message: string) => {
      this.options.warn(`a page's terminal socket sent a frame that was refused: ${message}`);
      send(ws, { type: 'error', message });
    };
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return refuse('binary frames are not part of the terminal protocol');
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        return refuse('a frame was not valid JSON');
      }
      const parsed = PtySocketClientFrameSchema.safeParse(raw);
      if (!parsed.success) return refuse(`a frame did not match the terminal protocol (${parsed.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ')})`);
      const frame = parsed.data;
      if (frame.type === 'listen') {
        this.listening.add(ws);
        send(ws, { type: 'listening' });
      } else if (frame.type === 'replay') {
        // To this page only, in line with the output it gets: what was sent before is in it.
        send(ws, { type: 'replay', id: frame.id, data: this.options.replay(frame.id) ?? '' });
      } else this.options.request(frame);
    });
    ws.on('close', () => {
      this.open.delete(ws);
      this.listening.delete(ws);
    });
    ws.on('error', () => ws.terminate());
  }

  /** Passes the pty host's output and exits on to the pages that listen. */
  post(event: PtyHostEvent): void {
    if (event.type !== 'data' && event.type !== 'exit') return;
    const frame =
      event.type === 'data'
        ? encodePtyData(event.id, event.data)
        : JSON.stringify({ type: 'exit', id: event.id, exitCode: event.exitCode, ...(event.signal === undefined ? {} : { signal: event.signal }) } satisfies PtySocketControl);
    for (const ws of this.listening) {
      if (ws.bufferedAmount > PTY_SOCKET_MAX_BUFFERED_BYTES) {
        this.listening.delete(ws);
        this.options.warn(`a page left more than ${PTY_SOCKET_MAX_BUFFERED_BYTES / 1024 / 1024} MiB of terminal output unread; its terminal socket was closed`);
        ws.close(1008, 'Terminal output was left unread for too long; reload the page.');
        continue;
      }
      ws.send(frame);
    }
  }

  /** Closes the sockets one server handed over (that server is stopping), or all of them. */
  close(server?: string): void {
    for (const [ws, from] of this.open) if (server === undefined || from === server) ws.terminate();
    if (server === undefined) this.wss.close();
  }
}

function send(ws: WebSocket, control: PtySocketControl): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(control));
}
