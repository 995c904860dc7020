import { z } from 'zod';
import { ChatSignFieldsSchema, type SignedChatMessage } from './chat';
import { HandshakeTranscriptSchema } from './handshake';
import { ColorSchema, DisplayNameSchema, PublicKeySchema, type PublicIdentity } from './identity';
import { GRANTABLE_ROLES, type MembershipEntry } from './membership';
import { method, type ServiceSpec } from './rpc';

// The identity service of the host contract (issue 8, item 1): main holds this user's Ed25519
// key and signs only what it encodes itself (common/identity.ts SigningDomain). Merged into
// common/contract.ts.

const Millis = z.number().int().min(0).max(8.64e15);
const RoomId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const MembershipFieldsSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('grant'), roomId: RoomId, subject: PublicKeySchema, role: z.enum(GRANTABLE_ROLES), issuedAt: Millis, expiresAt: Millis }).strict(),
  z.object({ type: z.literal('revoke'), roomId: RoomId, subject: PublicKeySchema, role: z.union([z.enum(GRANTABLE_ROLES), z.literal('all')]), issuedAt: Millis }).strict(),
]);

export const identityContract = {
  /** This user's public identity (made on first use): key, name, colour, fingerprint. */
  get: method<PublicIdentity>()(z.object({}).strict().optional()),
  update: method<PublicIdentity>()(z.object({ name: DisplayNameSchema, color: ColorSchema }).partial().strict()),
  /** Signs a handshake transcript (common/handshake.ts) as `side`; refused when it names another key as us. */
  signHandshake: method<{ sig: string }>()(z.object({ transcript: HandshakeTranscriptSchema, side: z.enum(['offerer', 'answerer']) }).strict()),
  /** Signs a membership grant or revocation (common/membership.ts) issued by this user. */
  signMembershipEntry: method<MembershipEntry>()(MembershipFieldsSchema),
  /** Signs a room chat message (common/chat.ts) by this user; main picks its id and time. */
  signChatMessage: method<SignedChatMessage>()(ChatSignFieldsSchema),
} satisfies ServiceSpec;
