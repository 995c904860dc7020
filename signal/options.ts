// Options of one signalling server instance, validated once at start so a bad flag or a bad
// embedding call fails loudly with a zod error instead of running with a silent default.
import { z } from 'zod';
import { isSignalLogger, type SignalLogger } from './logger';

export const SignalLimitsSchema = z.strictObject({
  /** Largest frame accepted, in bytes; ws closes the socket with 1009 past it. */
  maxPayloadBytes: z.number().int().min(1024).max(16 * 1024 * 1024).default(64 * 1024),
  /** Topics one connection may hold at once (y-webrtc subscribes one per room). */
  maxTopicsPerConnection: z.number().int().min(1).max(100_000).default(64),
  /** Longest topic name, in characters (y-webrtc room names are short ids). */
  maxTopicLength: z.number().int().min(1).max(4096).default(256),
  /** Topics the whole instance holds; bounds memory under a topic flood from many sockets. */
  maxTopicsTotal: z.number().int().min(1).max(10_000_000).default(100_000),
  /** Open sockets per remote address. */
  maxConnectionsPerAddress: z.number().int().min(1).max(1_000_000).default(64),
  /** Open sockets for the whole instance. */
  maxConnections: z.number().int().min(1).max(1_000_000).default(20_000),
  /** Token bucket per connection: burst size, in messages. */
  rateBurst: z.number().int().min(1).max(1_000_000).default(200),
  /** Token bucket per connection: refill, in messages per second. */
  ratePerSecond: z.number().min(0.001).max(1_000_000).default(100),
  /** Dropped (rate-limited or invalid) messages a connection may send before it is closed. */
  maxStrikes: z.number().int().min(1).max(1_000_000).default(50),
  /** Interval between ws pings; a peer that has not answered the previous one is dropped. */
  heartbeatMs: z.number().int().min(10).max(600_000).default(30_000),
  /** A receiver with more than this many bytes queued is skipped (slow reader protection). */
  maxBufferedBytes: z.number().int().min(1024).max(1024 * 1024 * 1024).default(1024 * 1024),
});
export type SignalLimits = z.infer<typeof SignalLimitsSchema>;

export const SignalServerOptionsSchema = z.strictObject({
  /** Address to listen on; anything but loopback prints a loud warning at start. */
  host: z.string().min(1).default('127.0.0.1'),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535).default(4444),
  /** When set, every WebSocket and /metrics needs it (`?token=` or `Authorization: Bearer`). */
  token: z.string().min(8, 'token must be at least 8 characters').max(1024).optional(),
  /**
   * Per-room token (issue 8): every subscribe and publish must come from a connection that gave
   * it (`?token=` or a bearer header), or the connection is closed with code 4403 and a reason a
   * page can show. The app's embedded server gets a fresh random one for every room it hosts, and
   * the invite carries it; unlike `token`, the socket opens first so the refusal can say why.
   */
  roomToken: z.string().min(22, 'roomToken must be at least 22 characters (128 bits)').max(1024).optional(),
  /** When set, instances sharing this Redis share their topics. */
  redisUrl: z.string().regex(/^rediss?:\/\//, 'redisUrl must start with redis:// or rediss://').optional(),
  /** Redis channel prefix, so several deployments can share one Redis. */
  redisPrefix: z.string().max(128).default('codecrafter:signal:'),
  limits: SignalLimitsSchema.partial().default({}),
  /** Export Node process metrics (memory, event loop lag) too; off when embedded in the app. */
  processMetrics: z.boolean().default(false),
  /** Where the server logs (pino-compatible); standalone a pino logger of its own. */
  logger: z.custom<SignalLogger>(isSignalLogger, 'logger must have debug, info, warn and error methods').optional(),
});
export type SignalServerOptions = z.input<typeof SignalServerOptionsSchema>;

export interface ResolvedOptions extends Omit<z.infer<typeof SignalServerOptionsSchema>, 'limits'> {
  limits: SignalLimits;
}

export function resolveOptions(input: SignalServerOptions): ResolvedOptions {
  const parsed = SignalServerOptionsSchema.parse(input);
  return { ...parsed, limits: SignalLimitsSchema.parse(parsed.limits) };
}

/** Loopback only: 127.0.0.0/8, ::1, localhost. Anything else exposes the server to a network. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** The loud line printed when the server is reachable from a network, or undefined on loopback. */
export function exposureWarning(host: string, hasToken: boolean): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return (
    `!!! codecrafter signal: listening on ${host}, NOT loopback: anyone who can reach this address can use it.` +
    (hasToken ? '' : ' No --token or --room-token is set: connections are NOT authenticated.')
  );
}
