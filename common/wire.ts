import { z } from 'zod';

// Frames of the browser host's WebSocket. Both sides validate what they receive: a browser tab
// is as untrusted as any other client of a port that exposes a shell.

export const WIRE_PROTOCOL_VERSION = 1;
/** Largest frame either side accepts, in bytes: a file write of several MB must fit. */
export const WIRE_MAX_FRAME_BYTES = 32 * 1024 * 1024;
export const WIRE_TOKEN_PARAM = 'token';
export const WIRE_TOKEN_COOKIE = 'codecrafter_token';
export const WIRE_SOCKET_PATH = '/rpc';

export const ClientFrameSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: z.number().int().nonnegative(), ch: z.string().max(200), arg: z.unknown().optional() }),
  z.object({ t: z.literal('sub'), ch: z.string().max(200) }),
  z.object({ t: z.literal('unsub'), ch: z.string().max(200) }),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

const WireErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export const ServerFrameSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), version: z.number() }),
  z.object({ t: z.literal('result'), id: z.number(), value: z.unknown() }),
  z.object({ t: z.literal('error'), id: z.number().nullable(), error: WireErrorSchema }),
  z.object({ t: z.literal('event'), ch: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
