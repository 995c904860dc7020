import { z } from 'zod';
import { ColorSchema, DisplayNameSchema, keyFingerprint, PublicKeySchema, SignatureSchema, SigningDomain, verifySignature, type DomainSigner } from './identity';
import { MAX_CLOCK_SKEW_MS, Millis, Nonce, randomHex, RoomIdText } from './membership';

// A room's chat message, declared once (issue 8 "Rooms you can trust", issue 12). Chat travels on
// the room's authenticated channel (renderer/collab/room-channel.ts), never in the Y.Doc, so a
// viewer chats like everyone else and no member can rewrite what another said. Each message is
// signed with its author's Ed25519 identity key (common/identity.ts, domain `chat`), so a member
// who passes history on to a late joiner cannot change a line, put it under another author, or
// make one up: the receiver checks the author's signature, not who delivered it. The history
// records each message as a `chat` event with the same caps.

/** Characters in one message: the chat box's maxLength and every reader's cap. */
export const MAX_CHAT_CHARS = 2000;
/** A message id: 32 hex digits (128 random bits) today; the cap leaves room for other clients. */
export const MAX_CHAT_ID_CHARS = 64;
/** Messages a member passes on to one who joins late: the most recent ones. */
export const CHAT_HISTORY_LIMIT = 200;

export const ChatTextSchema = z.string().min(1).max(MAX_CHAT_CHARS);
export const ChatIdSchema = z.string().min(1).max(MAX_CHAT_ID_CHARS);

const MessageId = Nonce;

/** What the author asks its key holder (main's identity service) to sign; main adds id and time. */
export const ChatSignFieldsSchema = z.object({ roomId: RoomIdText, name: DisplayNameSchema, color: ColorSchema, text: ChatTextSchema }).strict();
export type ChatSignFields = z.infer<typeof ChatSignFieldsSchema>;

/** A chat message as it travels: the author's key, its own name and colour, and its signature. */
export const SignedChatMessageSchema = z
  .object({
    v: z.literal(1),
    roomId: RoomIdText,
    id: MessageId,
    author: PublicKeySchema,
    name: DisplayNameSchema,
    color: ColorSchema,
    at: Millis,
    text: ChatTextSchema,
    sig: SignatureSchema,
  })
  .strict();
export type SignedChatMessage = z.infer<typeof SignedChatMessageSchema>;
type UnsignedChatMessage = Omit<SignedChatMessage, 'sig'>;

/** One message of the room as the chat box shows it. */
export interface ChatMessage {
  /** Unique in the room: the author's key and the message id (two authors' ids never collide). */
  key: string;
  id: string;
  author: string;
  fingerprint: string;
  name: string;
  color: string;
  text: string;
  at: number;
}

/** Topics on the room channel; every payload is parsed with the schemas below on arrival. */
export const ChatTopic = {
  /** author -> every member: one new message. */
  message: 'chat/message',
  /** a member who arrives -> one member: send me what you have. */
  historyRequest: 'chat/history-request',
  /** the member asked -> the one who asked: the most recent messages, each signed by its author. */
  history: 'chat/history',
} as const;

export const ChatHistoryRequestSchema = z.object({}).strict();
/** Each message is checked on its own, so one bad line does not cost the rest. */
export const ChatHistorySchema = z.object({ messages: z.array(z.unknown()).max(CHAT_HISTORY_LIMIT) }).strict();

/**
 * The signed form: a JSON array in a fixed field order. JSON.stringify spells a given string one
 * way, and JSON.parse gives back the same string, so every receiver rebuilds the same bytes.
 */
export function canonicalChat(m: UnsignedChatMessage): string {
  return JSON.stringify([m.v, m.roomId, m.id, m.author, m.name, m.color, m.at, m.text]);
}

export function chatKey(m: { author: string; id: string }): string {
  return `${m.author}/${m.id}`;
}

/** Signs a new message as `signer` (main's identity service; tests use their own keys). */
export async function signChatMessage(signer: DomainSigner, fields: ChatSignFields, now = Date.now()): Promise<SignedChatMessage> {
  const f = ChatSignFieldsSchema.parse(fields);
  const unsigned: UnsignedChatMessage = { v: 1, roomId: f.roomId, id: randomHex(16), author: signer.publicKey, name: f.name, color: f.color, at: now, text: f.text };
  const sig = await signer.sign(SigningDomain.chat, canonicalChat(unsigned));
  return SignedChatMessageSchema.parse({ ...unsigned, sig });
}

export type ChatProblem = 'malformed' | 'foreign-room' | 'from-the-future' | 'bad-signature';

/** Checks a message alone: shape and caps, room, time, and the author's signature. */
export async function checkChatMessage(value: unknown, roomId: string, now: number): Promise<{ ok: true; message: SignedChatMessage } | { ok: false; problem: ChatProblem }> {
  const parsed = SignedChatMessageSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: 'malformed' };
  const message = parsed.data;
  if (message.roomId !== roomId) return { ok: false, problem: 'foreign-room' };
  if (message.at > now + MAX_CLOCK_SKEW_MS) return { ok: false, problem: 'from-the-future' };
  const { sig, ...unsigned } = message;
  if (!(await verifySignature(message.author, SigningDomain.chat, canonicalChat(unsigned), sig))) return { ok: false, problem: 'bad-signature' };
  return { ok: true, message };
}

/** The chat box's line for a checked message; `name` is the one to show (see renderer/collab/chat.ts). */
export function chatLine(m: SignedChatMessage, name = m.name): ChatMessage {
  return { key: chatKey(m), id: m.id, author: m.author, fingerprint: keyFingerprint(m.author), name, color: m.color, text: m.text, at: m.at };
}
