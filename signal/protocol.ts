// y-webrtc's signalling wire protocol (node_modules/y-webrtc/bin/server.js), as zod schemas.
// Each frame is parsed here once; anything that does not fit is reported as a typed reason, so
// the server can count and drop it instead of throwing inside a socket handler.
import { z } from 'zod';

export const MessageType = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  publish: 'publish',
  ping: 'ping',
  pong: 'pong',
} as const;

export function topicSchema(maxLength: number) {
  return z.string().min(1).max(maxLength);
}

export function clientMessageSchema(maxTopicLength: number, maxTopicsPerMessage: number) {
  const topic = topicSchema(maxTopicLength);
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal(MessageType.subscribe), topics: z.array(topic).max(maxTopicsPerMessage) }),
    z.object({ type: z.literal(MessageType.unsubscribe), topics: z.array(topic).max(maxTopicsPerMessage) }),
    // y-webrtc puts its payload in `data`; other fields are relayed as they are, as the stock server does.
    z.looseObject({ type: z.literal(MessageType.publish), topic }),
    z.object({ type: z.literal(MessageType.ping) }),
  ]);
}
export type ClientMessage = z.infer<ReturnType<typeof clientMessageSchema>>;
export type PublishMessage = Extract<ClientMessage, { type: 'publish' }>;

export type ParseFailure = 'binary' | 'json' | 'shape';
export type ParseResult = { ok: true; message: ClientMessage } | { ok: false; reason: ParseFailure; detail: string };

export function createParser(maxTopicLength: number, maxTopicsPerMessage: number) {
  const schema = clientMessageSchema(maxTopicLength, maxTopicsPerMessage);
  return (data: unknown, isBinary: boolean): ParseResult => {
    // Stock clients only send text; a binary frame is either a bug or an attack.
    if (isBinary) return { ok: false, reason: 'binary', detail: 'binary frames are not part of the protocol' };
    let value: unknown;
    try {
      value = JSON.parse(String(data));
    } catch {
      return { ok: false, reason: 'json', detail: 'frame is not JSON' };
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      return { ok: false, reason: 'shape', detail: result.error.issues[0]?.message ?? 'bad message' };
    }
    return { ok: true, message: result.data };
  };
}
