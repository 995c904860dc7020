import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { contentSecurityPolicy } from '../../common/csp';
import { ErrorCode } from '../../common/errors';
import { PTY_SOCKET_PATH } from '../../common/pty-socket';
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
import {
  INVITE_ICON_PATH,
  INVITE_ICON_SVG,
  INVITE_PAGE_CSP,
  INVITE_PAGE_HTML,
  INVITE_PAGE_SCRIPT,
  INVITE_PAGE_STYLE,
  INVITE_SCRIPT_PATH,
  INVITE_STYLE_PATH,
} from './invite-page';
import { allowedHostNames, checkRequest, localLocation, parseRequestTarget, requestGate, type RequestGate } from './request-guard';
import type { HostServices } from './services';
import { getLogger } from '../log/log-service';

const log = getLogger('web');

export { isLoopbackHost } from './request-guard';

// The browser host (DESIGN.md section 2): the built renderer over HTTP and the contract over a
// WebSocket, on 127.0.0.1 by default. It exposes a shell, so every request carries the token that
// was printed at start: in the URL once (then kept in an HttpOnly, SameSite=Strict cookie) or as
// a query parameter on the socket. Before the token is even looked at, Host and Origin must name
// this server (request-guard.ts: DNS rebinding). Someone without the token who opens a room
// invite gets a page that explains how to join (invite-page.ts), never a dead 401.

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

const TOKEN_MESSAGE =
  'CodeCrafter: this address needs the access token. Open the full URL that `npm run web` printed (it ends in ?token=…). ' +
  'If someone sent you a room invite, open the whole invite link (…/join/<room>?s=…#…): it explains how to join.';

const JOIN_PATH = /^\/join\/([A-Za-z0-9_-]{1,128})\/?$/;

/** Headers of every page and file we serve, whatever the CSP. */
const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

function serveInviteAsset(req: http.IncomingMessage, res: http.ServerResponse, type: string, body: string, csp?: string): void {
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...(csp ? { 'content-security-policy': csp } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  const sockets = new Set<WebSocket>();

  const authorized = (req: http.IncomingMessage, url: URL) =>
    sameToken(url.searchParams.get(WIRE_TOKEN_PARAM), token) || sameToken(cookieToken(req.headers.cookie), token);

  // Filled in once the port is known (port 0 picks one at listen time).
  let gate: RequestGate = requestGate([], options.port);
  let printedUrl = '';

  const server = http.createServer((req, res) => {
    void serveStatic(req, res).catch((error: unknown) => {
      log.error({ err: error, url: String(req.url).slice(0, 200).replace(/[?#].*$/, '') }, 'failed to serve a file');
      if (!res.headersSent) refuse(res, 500, 'CodeCrafter: internal error while serving a file.');
      else res.destroy();
    });
  });

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const verdict = checkRequest(gate, req.headers, printedUrl);
    if (!verdict.ok) return refuse(res, verdict.status, verdict.message);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    const url = parseRequestTarget(req.url);
    if (!url) return refuse(res, 400, 'CodeCrafter: bad request target.');
    if (!authorized(req, url)) {
      // What a guest without the token may see: the invite page and its two files, nothing else.
      if (url.pathname === INVITE_SCRIPT_PATH) return serveInviteAsset(req, res, MIME_TYPES['.js']!, INVITE_PAGE_SCRIPT);
      if (url.pathname === INVITE_STYLE_PATH) return serveInviteAsset(req, res, MIME_TYPES['.css']!, INVITE_PAGE_STYLE);
      if (url.pathname === INVITE_ICON_PATH) return serveInviteAsset(req, res, MIME_TYPES['.svg']!, INVITE_ICON_SVG);
      if (JOIN_PATH.test(url.pathname)) return serveInviteAsset(req, res, MIME_TYPES['.html']!, INVITE_PAGE_HTML, INVITE_PAGE_CSP);
      return refuse(res, 401, TOKEN_MESSAGE);
    }
    if (url.searchParams.has(WIRE_TOKEN_PARAM)) {
      // Keep the token out of the address bar and history: set the cookie and come back clean.
      url.searchParams.delete(WIRE_TOKEN_PARAM);
      res.writeHead(302, {
        location: localLocation(url),
        'set-cookie': `${WIRE_TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }
    const join = JOIN_PATH.exec(url.pathname);
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
    // A missing file is a 404 for the browser, not a host error.
    const stats = await stat(file).catch(() => undefined);
    if (!stats?.isFile()) return refuse(res, 404, 'Not found.');
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': stats.size,
      // Host was checked against our own names above, so it is safe to name in the CSP.
      'content-security-policy': contentSecurityPolicy({ connectSources: [`ws://${req.headers.host}`] }),
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'private, max-age=3600',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: WIRE_MAX_FRAME_BYTES });
  let socketSerial = 0;
  /** Names this server's terminal sockets in the pty host, which closes them when it stops. */
  const serverId = randomBytes(9).toString('base64url');

  server.on('upgrade', (req, socket, head) => {
    const verdict = checkRequest(gate, req.headers, printedUrl);
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.status === 400 ? 'Bad Request' : 'Forbidden', verdict.message);
    const url = parseRequestTarget(req.url);
    if (!url || (url.pathname !== WIRE_SOCKET_PATH && url.pathname !== PTY_SOCKET_PATH)) return refuseUpgrade(socket, 404, 'Not Found', 'Unknown socket path.');
    if (!authorized(req, url)) return refuseUpgrade(socket, 401, 'Unauthorized', TOKEN_MESSAGE);
    if (url.pathname === PTY_SOCKET_PATH) return handOverTerminalSocket(req, socket, head);
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, req.socket.remoteAddress ?? 'unknown'));
  });

  // Terminal sockets (common/pty-socket.ts) are checked here like every request, then the
  // connection itself goes to the pty host, so terminal bytes never pass through this process.
  function handOverTerminalSocket(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    if (req.method !== 'GET' || !(socket instanceof Socket)) return refuseUpgrade(socket, 400, 'Bad Request', 'Not a WebSocket upgrade.');
    // The token stays here: the pty host needs only what the WebSocket handshake reads.
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && name !== 'cookie') headers[name] = value;
    try {
      options.services.adoptTerminalSocket({ type: 'socket', server: serverId, method: 'GET', url: req.url ?? PTY_SOCKET_PATH, headers, head: new Uint8Array(head) }, socket);
    } catch (error) {
      log.error({ err: error }, 'could not hand a terminal socket to the pty host');
      refuseUpgrade(socket, 503, 'Service Unavailable', `CodeCrafter: the terminal process is not available (${error instanceof Error ? error.message : String(error)}).`);
    }
  }

  function serveSocket(ws: WebSocket, remote: string): void {
    sockets.add(ws);
    // One origin per socket, not per address: a room hosted by this page stops when this socket
    // closes, not when every page from the same address has gone (issue 8 item 7).
    const origin = `web:${remote}#${++socketSerial}`;
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
        void options.services.dispatcher.call(frame.ch, frame.arg, { origin }).then((result) =>
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
      void options.services.connectionClosed(origin).catch((error: unknown) => log.error({ err: error, origin }, 'could not stop the room of a closed page'));
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
  gate = requestGate(allowedHostNames(options.host), port);
  printedUrl = `http://${hostForUrl}:${port}/?${WIRE_TOKEN_PARAM}=…`;
  return {
    url: `http://${hostForUrl}:${port}/?${WIRE_TOKEN_PARAM}=${token}`,
    port,
    token,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Node waits for connections handed to a child until the child closes them: the pty host
      // closes this server's terminal sockets (common/pty-socket.ts), or goes away with the services.
      options.services.closeTerminalSockets(serverId);
      await closed;
    },
  };
}
