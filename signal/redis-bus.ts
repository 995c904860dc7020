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
  const options = { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  pub.on('error', onError);
  sub.on('error', onError);
  await Promise.all([pub.connect(), sub.connect()]);

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
    follow: (topic) => void sub.subscribe(channel(topic)).catch(onError),
    unfollow: (topic) => void sub.unsubscribe(channel(topic)).catch(onError),
    publish: (topic, message) =>
      void pub.publish(channel(topic), JSON.stringify({ origin: instanceId, topic, message })).catch(onError),
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
      pub.disconnect();
      sub.disconnect();
    },
  };
}
