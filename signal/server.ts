// The hardened y-webrtc signalling server: same wire protocol as y-webrtc's bin/server.js, plus
// size, topic, connection and rate limits, guarded parsing, heartbeats, an optional token,
// /health, Prometheus /metrics, and topic sharing between instances through Redis.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { resolveOptions, exposureWarning, type SignalServerOptions, type ResolvedOptions } from './options';
import { createParser, MessageType, type PublishMessage } from './protocol';
import { TokenBucket } from './token-bucket';
import { tokenFromRequest, tokensMatch } from './token';
import { createMetrics, type DropReason, type RejectReason, type SignalMetrics } from './metrics';
import { TopicRegistry } from './topics';
import { connectRedisBus, type RedisBus } from './redis-bus';
import { defaultSignalLogger } from './logger';

/** WebSocket close codes (RFC 6455 section 7.4.1). */
const CloseCode = { goingAway: 1001, unsupportedData: 1003, policyViolation: 1008, roomToken: 4403 } as const;
/** Said to a socket without the room's token; a close reason must fit in 123 bytes. */
export const ROOM_TOKEN_CLOSE_REASON = "missing or wrong room token: the invite is old or not this room's; ask the host for a new one";

interface Connection {
  ws: WebSocket;
  address: string;
  topics: Set<string>;
  bucket: TokenBucket;
  strikes: number;
  alive: boolean;
  /** The token the socket gave when it opened (`?token=` or bearer), for the room token check. */
  token: string | undefined;
}

export interface SignalServer {
  /** ws:// URL to give y-webrtc as `signaling` (append `?token=` when a token is set). */
  url: string;
  host: string;
  port: number;
  instanceId: string | undefined;
  metrics: SignalMetrics;
  stats(): { connections: number; topics: number };
  close(): Promise<void>;
}

export async function startSignalServer(input: SignalServerOptions = {}): Promise<SignalServer> {
  const options = resolveOptions(input);
  const { limits } = options;
  const log = options.logger ?? defaultSignalLogger();
  const warning = exposureWarning(options.host, options.token !== undefined || options.roomToken !== undefined);
  // The loud banner stays on stderr for whoever started it; the log gets a record too.
  if (warning) {
    console.warn(`\n${warning}\n`);
    log.warn({ host: options.host, token: options.token !== undefined }, 'listening on a non-loopback address');
  }
  const metrics = createMetrics(options.processMetrics);
  const parse = createParser(limits.maxTopicLength, limits.maxTopicsPerConnection);
  const connections = new Set<Connection>();
  const perAddress = new Map<string, number>();
  let bus: RedisBus | undefined;

  const topics = new TopicRegistry<Connection>(
    (topic) => {
      metrics.topics.inc();
      bus?.follow(topic);
    },
    (topic) => {
      metrics.topics.dec();
      bus?.unfollow(topic);
    },
  );

  const drop = (reason: DropReason) => metrics.drops.inc({ reason });

  const releaseAddress = (address: string) => {
    const left = (perAddress.get(address) ?? 1) - 1;
    if (left <= 0) perAddress.delete(address);
    else perAddress.set(address, left);
  };

  const closeConnection = (conn: Connection, code: number, reason: string, label: 'strikes' | 'binary') => {
    metrics.closedByServer.inc({ reason: label });
    conn.ws.close(code, reason);
  };

  const strike = (conn: Connection, reason: DropReason) => {
    drop(reason);
    conn.strikes += 1;
    if (conn.strikes >= limits.maxStrikes && conn.ws.readyState === conn.ws.OPEN) {
      closeConnection(conn, CloseCode.policyViolation, 'too many dropped messages', 'strikes');
    }
  };

  /** Sends one serialised message to the local subscribers of a topic. */
  const deliverLocal = (topic: string, message: Record<string, unknown>) => {
    const receivers = topics.get(topic);
    if (!receivers) return;
    // `clients` is what the stock server adds; with Redis it counts this instance's subscribers only.
    const frame = JSON.stringify({ ...message, clients: receivers.size });
    for (const receiver of receivers) {
      if (receiver.ws.readyState !== receiver.ws.OPEN) {
        drop('closed');
        continue;
      }
      if (receiver.ws.bufferedAmount > limits.maxBufferedBytes) {
        drop('backpressure');
        continue;
      }
      receiver.ws.send(frame);
      metrics.messagesOut.inc();
    }
  };

  /**
   * The room token is checked on every subscribe and publish (constant time), not once per
   * socket, so no path into a topic skips it. A socket without it is closed with a reason, logged
   * (address only, never the token given) and counted.
   */
  const holdsRoomToken = (conn: Connection): boolean => {
    if (options.roomToken === undefined || tokensMatch(options.roomToken, conn.token)) return true;
    metrics.rejected.inc({ reason: 'room_token' });
    log.warn({ address: conn.address, tokenGiven: conn.token !== undefined }, 'closed a signalling socket without the room token');
    conn.ws.close(CloseCode.roomToken, ROOM_TOKEN_CLOSE_REASON);
    return false;
  };

  const subscribe = (conn: Connection, list: string[]) => {
    for (const topic of list) {
      if (conn.topics.has(topic)) continue;
      if (conn.topics.size >= limits.maxTopicsPerConnection) {
        strike(conn, 'topic_limit');
        return;
      }
      if (!topics.has(topic) && topics.size >= limits.maxTopicsTotal) {
        strike(conn, 'topics_total');
        return;
      }
      conn.topics.add(topic);
      topics.add(topic, conn);
    }
  };

  const unsubscribeAll = (conn: Connection, list: Iterable<string>) => {
    for (const topic of [...list]) {
      if (!conn.topics.delete(topic)) continue;
      topics.remove(topic, conn);
    }
  };

  const publish = (message: PublishMessage) => {
    deliverLocal(message.topic, message);
    if (bus) {
      bus.publish(message.topic, message);
      metrics.redisOut.inc();
    }
  };

  const onMessage = (conn: Connection, data: RawData, isBinary: boolean) => {
    // ws still hands over frames that were already buffered when we closed the socket.
    if (conn.ws.readyState !== conn.ws.OPEN) {
      drop('closed');
      return;
    }
    if (!conn.bucket.take()) {
      strike(conn, 'rate');
      return;
    }
    const parsed = parse(data, isBinary);
    if (!parsed.ok) {
      if (parsed.reason === 'binary') {
        drop('binary');
        closeConnection(conn, CloseCode.unsupportedData, parsed.detail, 'binary');
      } else {
        strike(conn, parsed.reason);
      }
      return;
    }
    const message = parsed.message;
    metrics.messagesIn.inc({ type: message.type });
    switch (message.type) {
      case MessageType.subscribe:
        if (holdsRoomToken(conn)) subscribe(conn, message.topics);
        break;
      case MessageType.unsubscribe:
        unsubscribeAll(conn, message.topics);
        break;
      case MessageType.publish:
        if (holdsRoomToken(conn)) publish(message);
        break;
      case MessageType.ping:
        conn.ws.send(JSON.stringify({ type: MessageType.pong }));
        metrics.messagesOut.inc();
        break;
    }
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes, perMessageDeflate: false });

  wss.on('connection', (ws: WebSocket, address: string, token: string | undefined) => {
    const conn: Connection = {
      ws,
      address,
      token,
      topics: new Set(),
      bucket: new TokenBucket(limits.rateBurst, limits.ratePerSecond),
      strikes: 0,
      alive: true,
    };
    connections.add(conn);
    metrics.connections.inc();
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('message', (data, isBinary) => onMessage(conn, data, isBinary));
    // ws reports protocol violations (bad UTF-8, oversize frames) here and then closes the socket
    // itself with 1007/1009; without a listener the process would die, as the stock server does.
    ws.on('error', (error: Error & { code?: string }) => {
      // Counted in the metrics, not logged: a hostile client could fill the log otherwise.
      if (error.code === 'WS_ERR_INVALID_UTF8') drop('utf8');
      else if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') drop('too_large');
      else drop('protocol');
    });
    ws.on('close', () => {
      connections.delete(conn);
      metrics.connections.dec();
      unsubscribeAll(conn, conn.topics);
      releaseAddress(address);
    });
  });

  const heartbeat = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) {
        metrics.closedByServer.inc({ reason: 'heartbeat' });
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  const server = http.createServer((req, res) => handleHttp(req, res, options, metrics, () => ({ connections: connections.size, topics: topics.size }), bus));

  const reject = (socket: Duplex, status: number, text: string, reason: RejectReason) => {
    metrics.rejected.inc({ reason });
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };

  server.on('upgrade', (req, socket, head) => {
    // A socket reset during the upgrade is the client's business: nothing to log, just let go.
    socket.on('error', () => socket.destroy());
    if (options.token !== undefined && !tokensMatch(options.token, tokenFromRequest(req))) {
      return reject(socket, 401, 'Unauthorized', 'auth');
    }
    if (connections.size >= limits.maxConnections) return reject(socket, 503, 'Service Unavailable', 'capacity');
    const address = normaliseAddress((socket as Socket).remoteAddress);
    const open = perAddress.get(address) ?? 0;
    if (open >= limits.maxConnectionsPerAddress) return reject(socket, 429, 'Too Many Requests', 'per_address');
    perAddress.set(address, open + 1);
    // ws answers a broken handshake (bad key, version) itself and never calls back: give the
    // address slot back when such a socket goes, or a few bad handshakes would lock an address out.
    let accepted = false;
    socket.once('close', () => {
      if (!accepted) releaseAddress(address);
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      accepted = true;
      wss.emit('connection', ws, address, tokenFromRequest(req));
    });
  });

  try {
    if (options.redisUrl) {
      bus = await connectRedisBus(
        options.redisUrl,
        options.redisPrefix,
        (topic, message) => {
          metrics.redisIn.inc();
          deliverLocal(topic, message);
        },
        (error) => log.warn({ err: error, redisPrefix: options.redisPrefix }, 'redis unavailable, relaying locally only until it is back'),
      );
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // Thrown to the caller, who reports it (the CLI prints it, the app's request fails): not logged here.
    // A failed start leaves nothing running behind it (timers, Redis retries).
    clearInterval(heartbeat);
    wss.close();
    await bus?.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  log.info({ host: options.host, port, redis: options.redisUrl !== undefined }, 'signalling server listening');

  let closing: Promise<void> | undefined;
  return {
    url: `ws://${urlHost}:${port}`,
    host: options.host,
    port,
    instanceId: bus?.instanceId,
    metrics,
    stats: () => ({ connections: connections.size, topics: topics.size }),
    close() {
      closing ??= (async () => {
        clearInterval(heartbeat);
        for (const conn of connections) conn.ws.close(CloseCode.goingAway, 'server shutting down');
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Give clients a moment to answer the close frame, then cut whoever did not.
        await new Promise((r) => setTimeout(r, 50));
        for (const conn of connections) conn.ws.terminate();
        server.closeAllConnections();
        wss.close();
        await closed;
        await bus?.close();
      })();
      return closing;
    },
  };
}

function normaliseAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

function handleHttp(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: ResolvedOptions,
  metrics: SignalMetrics,
  stats: () => { connections: number; topics: number },
  bus: RedisBus | undefined,
): void {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET') {
    res.writeHead(405, { Allow: 'GET' }).end();
    return;
  }
  if (path === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', ...stats(), redis: bus ? (bus.ready() ? 'up' : 'down') : 'off' }));
    return;
  }
  if (path === '/metrics') {
    if (options.token !== undefined && !tokensMatch(options.token, tokenFromRequest(req))) {
      res.writeHead(401).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
}
