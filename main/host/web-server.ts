import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { contentSecurityPolicy } from '../../common/csp';
import { ErrorCode } from '../../common/errors';
import type { Disposer } from '../../common/rpc';
import {
  ClientFrameSchema,
  WIRE_MAX_FRAME_BYTES,
  WIRE_PROTOCOL_VERSION,
  WIRE_SOCKET_PATH,
  WIRE_TOKEN_COOKIE,
  WIRE_TOKEN_PARAM,
  type ServerFrame,
} from '../../common/wire';
import type { HostServices } from './services';

// The browser host (DESIGN.md section 2): the built renderer over HTTP and the contract over a
// WebSocket, on 127.0.0.1 by default. It exposes a shell, so every request carries the token that
// was printed at start: in the URL once (then kept in an HttpOnly, SameSite=Strict cookie) or as
// a query parameter on the socket. A socket from a page of another origin is refused as well.

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export interface WebHostOptions {
  services: HostServices;
  staticDir: string;
  host: string;
  port: number;
  /** Fixed token for scripted use; a random one otherwise. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function sameToken(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === WIRE_TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
}

const TOKEN_MESSAGE = 'CodeCrafter: this address needs the access token. Open the full URL that `npm run web` printed (it ends in ?token=…).';

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  const sockets = new Set<WebSocket>();

  const authorized = (req: http.IncomingMessage, url: URL) =>
    sameToken(url.searchParams.get(WIRE_TOKEN_PARAM), token) || sameToken(cookieToken(req.headers.cookie), token);

  const server = http.createServer((req, res) => {
    void serveStatic(req, res).catch(() => refuse(res, 500, 'CodeCrafter: internal error while serving a file.'));
  });

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!authorized(req, url)) return refuse(res, 401, TOKEN_MESSAGE);
    if (url.searchParams.has(WIRE_TOKEN_PARAM)) {
      // Keep the token out of the address bar and history: set the cookie and come back clean.
      url.searchParams.delete(WIRE_TOKEN_PARAM);
      res.writeHead(302, {
        location: url.pathname + (url.search || ''),
        'set-cookie': `${WIRE_TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }
    const join = /^\/join\/([A-Za-z0-9_-]{1,128})$/.exec(url.pathname);
    if (join) {
      // The http form of a room invite. The page lives at "/", so send it there with the room in
      // the query; the browser keeps the #secret across the redirect, and it never reaches us.
      const target = new URLSearchParams(url.searchParams);
      target.set('join', join[1]!);
      res.writeHead(302, { location: `/?${target.toString()}`, 'cache-control': 'no-store' });
      res.end();
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return refuse(res, 400, 'Bad path.');
    }
    if (relative.endsWith('/')) relative += 'index.html';
    const file = path.resolve(staticRoot, `.${relative}`);
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) return refuse(res, 404, 'Not found.');
    const stats = await stat(file).catch(() => undefined);
    if (!stats?.isFile()) return refuse(res, 404, 'Not found.');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    res.writeHead(200, {
      'content-type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': stats.size,
      'content-security-policy': contentSecurityPolicy({ connectSources: [`ws://${req.headers.host ?? `127.0.0.1:${port}`}`] }),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'private, max-age=3600',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: WIRE_MAX_FRAME_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WIRE_SOCKET_PATH) return refuseUpgrade(socket, 404, 'Not Found', 'Unknown socket path.');
    if (!authorized(req, url)) return refuseUpgrade(socket, 401, 'Unauthorized', TOKEN_MESSAGE);
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}`) {
      return refuseUpgrade(socket, 403, 'Forbidden', `CodeCrafter: a page from ${origin} may not use this host.`);
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, req.socket.remoteAddress ?? 'unknown'));
  });

  function serveSocket(ws: WebSocket, remote: string): void {
    sockets.add(ws);
    const subscriptions = new Map<string, Disposer>();
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const fail = (id: number | null, code: string, message: string) =>
      send({ t: 'error', id, error: { code, message } });
    send({ t: 'hello', version: WIRE_PROTOCOL_VERSION });

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return fail(null, ErrorCode.InvalidArgument, 'Binary frames are not part of the protocol.');
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        return fail(null, ErrorCode.InvalidArgument, 'A frame was not valid JSON.');
      }
      const parsed = ClientFrameSchema.safeParse(raw);
      if (!parsed.success) {
        const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : null;
        return fail(id, ErrorCode.InvalidArgument, 'A frame did not match the protocol.');
      }
      const frame = parsed.data;
      if (frame.t === 'call') {
        void options.services.dispatcher.call(frame.ch, frame.arg, { origin: `web:${remote}` }).then((result) =>
          result.ok
            ? send({ t: 'result', id: frame.id, value: result.value ?? null })
            : send({ t: 'error', id: frame.id, error: result.error }),
        );
      } else if (frame.t === 'sub') {
        if (!options.services.dispatcher.isEvent(frame.ch)) {
          return fail(null, ErrorCode.UnknownMethod, `Unknown event "${frame.ch.slice(0, 100)}".`);
        }
        if (!subscriptions.has(frame.ch)) {
          subscriptions.set(frame.ch, options.services.hub.on(frame.ch, (payload) => send({ t: 'event', ch: frame.ch, payload })));
        }
      } else {
        subscriptions.get(frame.ch)?.();
        subscriptions.delete(frame.ch);
      }
    });
    ws.on('close', () => {
      for (const dispose of subscriptions.values()) dispose();
      subscriptions.clear();
      sockets.delete(ws);
    });
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}/?${WIRE_TOKEN_PARAM}=${token}`,
    port,
    token,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
