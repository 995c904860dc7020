// Shares publishes between instances through Redis pub/sub, so peers that reached different
// instances still meet. One Redis channel per topic, subscribed only while some local socket
// listens on it; each envelope carries the sender instance id so an instance skips its own echo.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { z } from 'zod';

const EnvelopeSchema = z.object({ origin: z.string(), topic: z.string(), message: z.looseObject({ type: z.literal('publish') }) });
export type Envelope = z.infer<typeof EnvelopeSchema>;

export interface RedisBus {
  readonly instanceId: string;
  /** Both connections are up; while not, publishes reach only this instance's sockets. */
  ready(): boolean;
  follow(topic: string): void;
  unfollow(topic: string): void;
  publish(topic: string, message: Record<string, unknown>): void;
  close(): Promise<void>;
}

export async function connectRedisBus(
  url: string,
  prefix: string,
  deliver: (topic: string, message: Envelope['message']) => void,
  onError: (error: Error) => void,
): Promise<RedisBus> {
  const instanceId = randomUUID();
  // No offline queue: a signal delayed by a Redis outage is stale by the time it arrives, and a
  // queue would grow without bound while Redis is down.
  const options = { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, autoResubscribe: true };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  // ioredis retries by itself and says so on every attempt; report an outage once, not per retry.
  let reported = false;
  let connected = false; // before that, the failure is the rejection of connectRedisBus itself
  const report = (error: Error) => {
    if (reported || !connected) return;
    reported = true;
    onError(error);
  };
  pub.on('error', report);
  sub.on('error', report);
  pub.on('ready', () => (reported = false));
  try {
    await Promise.all([pub.connect(), sub.connect()]);
    connected = true;
  } catch (error) {
    // ioredis keeps retrying in the background after a failed connect(); stop it.
    pub.disconnect();
    sub.disconnect();
    throw new Error(`cannot reach redis at ${redactUrl(url)}: ${(error as Error).message}`, { cause: error });
  }

  sub.on('messageBuffer', (_channel: Buffer, payload: Buffer) => {
    let envelope: Envelope;
    try {
      envelope = EnvelopeSchema.parse(JSON.parse(payload.toString('utf8')));
    } catch {
      return; // another program writing to our prefix; not ours to crash on
    }
    if (envelope.origin === instanceId) return;
    deliver(envelope.topic, envelope.message);
  });

  const channel = (topic: string) => prefix + topic;
  return {
    instanceId,
    ready: () => pub.status === 'ready' && sub.status === 'ready',
    // While Redis is away these fail fast (no offline queue); ioredis re-subscribes on reconnect.
    follow: (topic) => void sub.subscribe(channel(topic)).catch(report),
    unfollow: (topic) => void sub.unsubscribe(channel(topic)).catch(report),
    publish: (topic, message) =>
      void pub.publish(channel(topic), JSON.stringify({ origin: instanceId, topic, message })).catch(report),
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
      pub.disconnect();
      sub.disconnect();
    },
  };
}

/** A Redis URL may carry a password; never print it. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the given URL';
  }
}
