import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

// What the window and the history recorder say to each other about the workspace doc (issue 12):
// y-protocols' sync messages, lib0-encoded as y-websocket sends them — `type: varUint` then
// `payload: varUint8Array` (a state vector for SyncStep1, a Yjs update for SyncStep2 and Update).
// The window starts with its SyncStep1; the recorder answers with a SyncStep2 (what the window
// lacks) and its own SyncStep1, which the window answers with a SyncStep2 (what the recorder
// lacks); edits then travel as Update messages. The contract carries each message as one base64
// string in an envelope with its author and time (common/contract-history.ts).

export const SyncMessageType = {
  SyncStep1: syncProtocol.messageYjsSyncStep1,
  SyncStep2: syncProtocol.messageYjsSyncStep2,
  Update: syncProtocol.messageYjsUpdate,
} as const;
export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType];

export interface SyncMessage {
  type: SyncMessageType;
  /** The state vector (SyncStep1) or the Yjs update (SyncStep2, Update). */
  payload: Uint8Array;
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** SyncStep1: the doc's state vector, asking for what the other side has beyond it. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return encode((e) => syncProtocol.writeSyncStep1(e, doc));
}

/** SyncStep2: what `doc` has beyond `stateVector` (everything without one), and its whole delete set. */
export function syncStep2Message(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  return encode((e) => syncProtocol.writeSyncStep2(e, doc, stateVector));
}

/** Update: one update of the doc, as its 'update' event gives it. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return encode((e) => syncProtocol.writeUpdate(e, update));
}

/**
 * Reads one message, strictly: a known type, a whole payload and nothing after it. Throws an
 * Error whose message says what is wrong.
 */
export function decodeSyncMessage(bytes: Uint8Array): SyncMessage {
  const decoder = decoding.createDecoder(bytes);
  let type: number;
  let payload: Uint8Array;
  try {
    type = decoding.readVarUint(decoder);
    payload = decoding.readVarUint8Array(decoder);
  } catch (error) {
    throw new Error(`no type and payload can be read (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  if (type !== SyncMessageType.SyncStep1 && type !== SyncMessageType.SyncStep2 && type !== SyncMessageType.Update) {
    throw new Error(`unknown message type ${type}`);
  }
  const extra = bytes.length - decoder.pos;
  if (extra > 0) throw new Error(`${extra} extra byte(s) after the message`);
  return { type, payload };
}

/**
 * y-protocols' readSyncMessage without its error swallowing (it logs a failed update to the
 * console and goes on): a SyncStep2 or an Update is applied to `doc` with `origin`, and a failure
 * throws; a SyncStep1 is answered with the SyncStep2 returned (null for the others).
 */
export function applySyncMessage(doc: Y.Doc, message: SyncMessage, origin: unknown): Uint8Array | null {
  if (message.type === SyncMessageType.SyncStep1) return syncStep2Message(doc, message.payload);
  Y.applyUpdate(doc, message.payload, origin);
  return null;
}

/** decodeSyncMessage, then applySyncMessage. */
export function readSyncMessage(doc: Y.Doc, bytes: Uint8Array, origin: unknown): Uint8Array | null {
  return applySyncMessage(doc, decodeSyncMessage(bytes), origin);
}
