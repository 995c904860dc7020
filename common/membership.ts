import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { PublicKeySchema, SignatureSchema, SigningDomain, verifySignature, type DomainSigner } from './identity';

// A room's membership log (issue 8, item 2; docs/trust.md). Entries are grants and revocations
// signed by the owner, or by an admin for editor and viewer. The log is a set keyed by each
// entry's hash, merged by union, and the roles it gives are a pure function of that set: every
// peer that holds the same entries computes the same roles whatever order they arrived in,
// including concurrent admin actions. Revocation wins.

export const MEMBER_ROLES = ['owner', 'admin', 'editor', 'viewer', 'interviewer', 'candidate'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
/** Roles a grant may give: the owner is the room id's key (roomIdFor), never granted. */
export const GRANTABLE_ROLES = ['admin', 'editor', 'viewer', 'interviewer', 'candidate'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];
/** What an admin may grant and revoke. */
const ADMIN_MANAGED: ReadonlySet<string> = new Set(['editor', 'viewer']);

/** When one person holds several roles, the one shown and enforced is the highest. */
const ROLE_RANK: Record<MemberRole, number> = { owner: 6, admin: 5, interviewer: 4, editor: 3, candidate: 2, viewer: 1 };

/** How far in the future an entry's issue time may be (clock skew between peers), in ms. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** A room id as text (what rooms, grants and chat lines carry). */
export const RoomIdText = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/** 128 random bits in hex: nonces, salts, message ids. */
export const Nonce = z.string().regex(/^[0-9a-f]{32}$/);
/** A time in epoch milliseconds. */
export const Millis = z.number().int().min(0).max(8.64e15);

export const MembershipEntrySchema = z.discriminatedUnion('type', [
  z
    .object({
      v: z.literal(1),
      type: z.literal('grant'),
      roomId: RoomIdText,
      issuer: PublicKeySchema,
      subject: PublicKeySchema,
      role: z.enum(GRANTABLE_ROLES),
      issuedAt: Millis,
      expiresAt: Millis,
      nonce: Nonce,
      sig: SignatureSchema,
    })
    .strict(),
  z
    .object({
      v: z.literal(1),
      type: z.literal('revoke'),
      roomId: RoomIdText,
      issuer: PublicKeySchema,
      subject: PublicKeySchema,
      /** 'all' bans the key from the room for good; a single role (a demotion) voids that role's earlier grants. */
      role: z.union([z.enum(GRANTABLE_ROLES), z.literal('all')]),
      issuedAt: Millis,
      nonce: Nonce,
      sig: SignatureSchema,
    })
    .strict(),
]);
export type MembershipEntry = z.infer<typeof MembershipEntrySchema>;
export type GrantEntry = Extract<MembershipEntry, { type: 'grant' }>;
export type RevokeEntry = Extract<MembershipEntry, { type: 'revoke' }>;
export type UnsignedEntry = Omit<GrantEntry, 'sig'> | Omit<RevokeEntry, 'sig'>;
/** What the issuer chooses; signEntry adds the version, issuer key and nonce. */
export type EntryFields = Omit<GrantEntry, 'sig' | 'v' | 'issuer' | 'nonce'> | Omit<RevokeEntry, 'sig' | 'v' | 'issuer' | 'nonce'>;

/**
 * The signed form: a JSON array in a fixed field order. The schema allows only hex, base64url
 * and safe integers in it, so JSON.stringify gives one spelling per entry.
 */
export function canonicalEntry(entry: UnsignedEntry): string {
  return entry.type === 'grant'
    ? JSON.stringify([entry.v, entry.type, entry.roomId, entry.issuer, entry.subject, entry.role, entry.issuedAt, entry.expiresAt, entry.nonce])
    : JSON.stringify([entry.v, entry.type, entry.roomId, entry.issuer, entry.subject, entry.role, entry.issuedAt, null, entry.nonce]);
}

/** The entry's key in the log: SHA-256 of what was signed (two signatures of one entry are one entry). */
export function entryId(entry: UnsignedEntry): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalEntry(entry))));
}

/** `bytes` random bytes in hex, from the platform's CSPRNG (WebCrypto in pages, Node's in main). */
export function randomHex(bytes: number): string {
  return bytesToHex(randomBytes(bytes));
}

export async function signEntry(signer: DomainSigner, fields: EntryFields & { nonce?: string }): Promise<MembershipEntry> {
  const unsigned = { ...fields, v: 1, issuer: signer.publicKey, nonce: fields.nonce ?? randomHex(16) } as UnsignedEntry;
  const sig = await signer.sign(SigningDomain.membership, canonicalEntry(unsigned));
  return MembershipEntrySchema.parse({ ...unsigned, sig });
}

// ---- the room id names the owner's key ----------------------------------------------------------

const ROOM_ID_TAG = 'codecrafter/room-id/v1';
/** 22 base64url characters: the invite's room id length (common/invite.ts), 132 bits of SHA-256. */
const ROOM_ID_CHARS = 22;
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64URL[(n >>> 18) & 63]! + B64URL[(n >>> 12) & 63]! + B64URL[(n >>> 6) & 63]! + B64URL[n & 63]!;
  }
  return out;
}

/**
 * A self-certifying room id: SHA-256 of the owner's key and a random salt. The invite carries
 * the owner key and salt in the clear; a peer that recomputes the id knows the owner key without
 * trusting the signalling server or whoever forwarded the invite.
 */
export function roomIdFor(ownerKey: string, salt: string): string {
  return base64url(sha256(concatBytes(utf8ToBytes(ROOM_ID_TAG), new Uint8Array([0]), hexToBytes(ownerKey), hexToBytes(salt)))).slice(0, ROOM_ID_CHARS);
}

export function newRoomSalt(): string {
  return randomHex(16);
}

export function isRoomOwner(roomId: string, ownerKey: string, salt: string): boolean {
  if (!PublicKeySchema.safeParse(ownerKey).success || !Nonce.safeParse(salt).success) return false;
  return roomIdFor(ownerKey, salt) === roomId;
}

// ---- the log -----------------------------------------------------------------------------------

export type EntryProblem = 'malformed' | 'bad-signature' | 'foreign-room' | 'from-the-future';

/** Checks what holds for an entry alone (shape, room, signature); roles come from the whole set. */
export async function checkEntry(value: unknown, roomId: string, now: number): Promise<{ ok: true; entry: MembershipEntry } | { ok: false; problem: EntryProblem }> {
  const parsed = MembershipEntrySchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: 'malformed' };
  return checkParsedEntry(parsed.data, roomId, now);
}

async function checkParsedEntry(entry: MembershipEntry, roomId: string, now: number): Promise<{ ok: true; entry: MembershipEntry } | { ok: false; problem: EntryProblem }> {
  if (entry.roomId !== roomId) return { ok: false, problem: 'foreign-room' };
  if (entry.issuedAt > now + MAX_CLOCK_SKEW_MS) return { ok: false, problem: 'from-the-future' };
  const { sig, ...unsigned } = entry;
  if (!(await verifySignature(entry.issuer, SigningDomain.membership, canonicalEntry(unsigned), sig))) return { ok: false, problem: 'bad-signature' };
  return { ok: true, entry };
}

export type IgnoredReason = 'expired' | 'issuer-not-admin' | 'role-escalation' | 'revoked' | 'about-the-owner';

export interface MembershipView {
  /** Every member's role (the owner included), by public key. */
  roles: Map<string, MemberRole>;
  /** Entries in the log that give nothing, and why (for the admin view and tests). */
  ignored: Map<string, IgnoredReason>;
}

function voids(revoke: RevokeEntry, grant: GrantEntry): boolean {
  if (revoke.subject !== grant.subject) return false;
  if (revoke.role === 'all') return true;
  // A demotion voids grants of that role issued up to it; ties go to the revocation.
  return revoke.role === grant.role && revoke.issuedAt >= grant.issuedAt;
}

/**
 * The roles a set of checked entries gives, at `now`. Decisions (docs/trust.md):
 * - only the owner grants admin, interviewer and candidate, and revokes admins;
 * - an admin grants and revokes editor and viewer, never about an admin or the owner;
 * - an admin's grants count only while the owner's entries make them an admin: a revoked
 *   admin's earlier grants are void too (as in Keyhive), since a stolen admin key could have
 *   back-dated them; the owner re-grants the ones it wants to keep;
 * - a ban (`all`) is for good; grants past their expiry give nothing.
 * Admin status depends on owner entries only, so there is no cycle and no order dependence.
 */
export function membershipView(ownerKey: string, entries: Iterable<MembershipEntry>, now: number): MembershipView {
  const ignored = new Map<string, IgnoredReason>();
  const all = [...entries];
  const byOwner = all.filter((e) => e.issuer === ownerKey);
  const ownerRevokes = byOwner.filter((e): e is RevokeEntry => e.type === 'revoke');
  const live = (g: GrantEntry) => g.expiresAt > now;

  const admins = new Set<string>();
  for (const g of byOwner) {
    if (g.type === 'grant' && g.role === 'admin' && live(g) && g.subject !== ownerKey && !ownerRevokes.some((r) => voids(r, g))) admins.add(g.subject);
  }

  const grants: GrantEntry[] = [];
  const revokes: RevokeEntry[] = [];
  for (const e of all) {
    const id = entryId(e);
    if (e.subject === ownerKey) {
      ignored.set(id, 'about-the-owner');
      continue;
    }
    const fromOwner = e.issuer === ownerKey;
    if (!fromOwner) {
      if (!admins.has(e.issuer)) {
        ignored.set(id, 'issuer-not-admin');
        continue;
      }
      const managed = e.type === 'grant' ? ADMIN_MANAGED.has(e.role) : e.role === 'all' || ADMIN_MANAGED.has(e.role);
      if (!managed || admins.has(e.subject)) {
        ignored.set(id, 'role-escalation');
        continue;
      }
    }
    if (e.type === 'grant') {
      if (!live(e)) ignored.set(id, 'expired');
      else grants.push(e);
    } else revokes.push(e);
  }

  const roles = new Map<string, MemberRole>([[ownerKey, 'owner']]);
  for (const g of grants) {
    const revokedBy = revokes.find((r) => voids(r, g) && (r.issuer === ownerKey || ADMIN_MANAGED.has(g.role)));
    if (revokedBy) {
      ignored.set(entryId(g), 'revoked');
      continue;
    }
    const current = roles.get(g.subject);
    if (!current || ROLE_RANK[g.role] > ROLE_RANK[current]) roles.set(g.subject, g.role);
  }
  return { roles, ignored };
}

/** Whether an owner's entry makes its subject an admin, now or once: that key's entries are kept. */
function makesIssuer(entry: MembershipEntry, ownerKey: string): boolean {
  return entry.issuer === ownerKey && entry.type === 'grant' && entry.role === 'admin';
}

/** The keys whose entries a log keeps, given the entries it holds: the owner, and every admin it ever had. */
export function keptIssuers(ownerKey: string, entries: Iterable<MembershipEntry>): Set<string> {
  const issuers = new Set([ownerKey]);
  for (const entry of entries) if (makesIssuer(entry, ownerKey)) issuers.add(entry.subject);
  return issuers;
}

/** Entries from keys no owner entry has made an admin, held aside at most (per log): see MembershipLog. */
export const MAX_PENDING_ENTRIES = 256;

/** Held-aside entries remembered (id and signature only) so a repeat is not verified again. */
const SEEN_PENDING_ENTRIES = 4096;

/** What adding an entry to a log did. */
export type AddResult =
  /** Kept: the entry, and any held-aside entries of a key it makes an admin (in that order). */
  | { kind: 'added'; entries: MembershipEntry[] }
  /** Held already, signature and all. */
  | { kind: 'known' }
  /** Checked, and held aside: its issuer is neither the owner nor (yet) an admin. */
  | { kind: 'pending' }
  | { kind: 'refused'; problem: EntryProblem };

/**
 * One peer's copy of a room's log: entries are checked on the way in and kept by id, so merging
 * two copies is a union and delivering an entry twice changes nothing.
 *
 * The log keeps only entries issued by the owner or by a key that an owner entry has made an
 * admin (now or once: a revoked admin's entries stay, and give nothing). Anyone with the invite
 * secret can sign entries, and a log that kept them would store, persist and pass on whatever a
 * stranger made. An entry from any other key is checked and held aside, in memory only (at most
 * MAX_PENDING_ENTRIES, the oldest dropped first), and joins the log when the owner's admin grant
 * for its issuer does. So the log is still the same set whatever order entries arrive in: an
 * admin's entry that comes before its issuer's grant waits for it.
 */
export class MembershipLog {
  private readonly entries = new Map<string, MembershipEntry>();
  /** Keys whose entries the log keeps: the owner and everyone an owner entry has granted admin. */
  private readonly issuers: Set<string>;
  /** Checked entries of other keys, by id and signature, oldest first. */
  private readonly pending = new Map<string, MembershipEntry>();
  /**
   * Entries held aside lately (id and signature), also those dropped from `pending`: one sent again
   * is not verified again, so cycling more entries than are held costs no signature checks.
   */
  private readonly seenPending = new Set<string>();

  constructor(
    readonly roomId: string,
    readonly ownerKey: string,
  ) {
    this.issuers = new Set([ownerKey]);
  }

  /** Checks an entry and adds it, or holds it aside; says which. */
  async add(value: unknown, now: number): Promise<AddResult> {
    // An entry we hold already, signature and all, is not verified again: every peer that connects
    // sends its whole log, and a relayed change arrives once per link.
    const parsed = MembershipEntrySchema.safeParse(value);
    if (!parsed.success) return { kind: 'refused', problem: 'malformed' };
    const { sig, ...unsigned } = parsed.data;
    const id = entryId(unsigned);
    const heldKey = `${id}:${sig}`;
    if (this.entries.get(id)?.sig === sig) return { kind: 'known' };
    // Held aside lately and its issuer still no admin: not verified again (one dropped from
    // `pending` since stays out until it is sent after its issuer's grant).
    if (this.seenPending.has(heldKey) && !this.issuers.has(parsed.data.issuer)) return this.pending.has(heldKey) ? { kind: 'known' } : { kind: 'pending' };
    const checked = await checkParsedEntry(parsed.data, this.roomId, now);
    if (!checked.ok) return { kind: 'refused', problem: checked.problem };
    const entry = checked.entry;
    if (!this.issuers.has(entry.issuer)) {
      this.pending.set(heldKey, entry);
      if (this.pending.size > MAX_PENDING_ENTRIES) this.pending.delete(this.pending.keys().next().value!);
      this.seenPending.add(heldKey);
      if (this.seenPending.size > SEEN_PENDING_ENTRIES) this.seenPending.delete(this.seenPending.values().next().value!);
      return { kind: 'pending' };
    }
    const added = [entry];
    this.entries.set(id, entry);
    if (makesIssuer(entry, this.ownerKey) && !this.issuers.has(entry.subject)) {
      this.issuers.add(entry.subject);
      for (const [key, held] of this.pending) {
        if (held.issuer !== entry.subject) continue;
        this.pending.delete(key);
        const { sig: _sig, ...heldUnsigned } = held;
        const heldId = entryId(heldUnsigned);
        if (this.entries.get(heldId)?.sig === held.sig) continue;
        this.entries.set(heldId, held);
        added.push(held);
      }
    }
    return { kind: 'added', entries: added };
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  list(): MembershipEntry[] {
    return [...this.entries.values()];
  }

  /** How many entries are held aside, waiting for their issuer to be made an admin. */
  pendingCount(): number {
    return this.pending.size;
  }

  view(now: number): MembershipView {
    return membershipView(this.ownerKey, this.entries.values(), now);
  }

  roleOf(publicKey: string, now: number): MemberRole | null {
    return this.view(now).roles.get(publicKey) ?? null;
  }
}
