import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// What travels on a room's data channel: a varuint message type, then its body. 0 and 1 are
// y-protocols' sync and awareness messages as y-webrtc frames them; the rest are ours, with JSON
// bodies. There is no type 4: y-webrtc's "bcPeerId" message let any peer make others ignore
// someone (issue 8); nothing here lets a peer change how others treat a third one.

export const MessageType = {
  sync: 0,
  awareness: 1,
  /** hello / auth / ready (common/handshake.ts), the only type accepted before both sides verified. */
  handshake: 10,
  /** Membership log entries (common/membership.ts), merged by union. */
  membership: 11,
  /** App messages (RoomChannel): `{topic, payload, to?}`. */
  app: 12,
  /** Owner messages over its own authenticated connection: read-only, end, new secret, removal. */
  control: 13,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

export function encodeJsonMessage(type: MessageType, body: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, JSON.stringify(body));
  return encoding.toUint8Array(encoder);
}

export function encodeBinaryMessage(type: MessageType, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export interface ReadMessage {
  type: number;
  decoder: decoding.Decoder;
}

/** Reads the type; throws on bytes that are not a message (the caller drops the peer). */
export function readMessage(data: Uint8Array): ReadMessage {
  const decoder = decoding.createDecoder(data);
  return { type: decoding.readVarUint(decoder), decoder };
}

/** The JSON body of one of our messages; throws when it is not JSON. */
export function readJsonBody(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder)) as unknown;
}
