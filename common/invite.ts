import { z } from 'zod';
import { newRoomSalt, roomIdFor } from './membership';

// Room invites (DESIGN.md section 4, issues 4 and 8):
//   codecrafter://join/<roomId>?s=<signal-url>&t=<signal-token>&o=<owner key>&r=<salt>[&n=<name>&f=<fingerprint>]#<secret>
//   http(s)://<any-host>/join/<roomId>?s=…&t=…&o=…&r=…#<secret>   (the same, for the browser host)
// `o` and `r` (issue 8): the room id is roomIdFor(owner key, salt), so a guest knows the owner's key
// without trusting the signalling server or whoever forwarded the link.
// The secret sits after '#', so no server that serves or relays the link ever receives it.
// `t` is the signalling server's per-room token (the server refuses a subscribe without it); it
// sits in the query, not inside `s`, so the address shown to the user stays readable and an
// invite made before tokens existed fails here with a sentence instead of at the server.
// `n` and `f` say who invites (the owner's display name and key fingerprint) for the dialog that
// asks before joining; they are the inviter's claim, which the signed handshake then checks.

export const INVITE_SCHEME = 'codecrafter:';
/** Room ids and secrets are random base64url strings this long (128 bits and 192 bits). */
export const ROOM_ID_CHARS = 22;
export const SECRET_CHARS = 32;
/** The signalling token: 32 base64url characters, 192 bits (the server wants at least 128). */
export const SIGNAL_TOKEN_CHARS = 32;

const Base64Url = /^[A-Za-z0-9_-]+$/;

// common/ compiles without DOM or Node types; both runtimes have WHATWG URL, Web Crypto and btoa.
interface UrlLike {
  protocol: string;
  host: string;
  pathname: string;
  search: string;
  hash: string;
  searchParams: { get(name: string): string | null };
}
const platform = globalThis as unknown as {
  URL: new (input: string) => UrlLike;
  crypto: { getRandomValues(bytes: Uint8Array): Uint8Array };
  btoa(binary: string): string;
};

export const RoomIdSchema = z
  .string()
  .min(8, 'The room id is too short.')
  .max(64, 'The room id is too long.')
  .regex(Base64Url, 'The room id may hold only letters, digits, "-" and "_".');

export const RoomSecretSchema = z
  .string()
  .min(16, 'The room secret is too short.')
  .max(128, 'The room secret is too long.')
  .regex(Base64Url, 'The room secret may hold only letters, digits, "-" and "_".');

export const SignalUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new platform.URL(value);
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hash === '';
    } catch {
      return false;
    }
  }, 'The signalling address must be a ws:// or wss:// URL.');

export const SignalTokenSchema = z
  .string()
  .min(22, 'The signalling token is too short: ask the host for the whole invite again.')
  .max(256, 'The signalling token is too long.')
  .regex(Base64Url, 'The signalling token may hold only letters, digits, "-" and "_".');

/** Who sent the invite, as the invite says (checked later by the handshake against the owner key). */
export const InviterSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(40)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f"'\\<>]*$/, 'The name in the invite holds characters a name cannot.'),
  fingerprint: z.string().regex(/^[A-Z2-7]{4}( [A-Z2-7]{4}){4}$/, 'The fingerprint in the invite is damaged.'),
});
export type Inviter = z.infer<typeof InviterSchema>;

export interface Invite {
  roomId: string;
  signalUrl: string;
  /** The signalling server's per-room token (`t=`), given to it as `?token=`. */
  signalToken: string;
  secret: string;
  /** The owner's public key and the salt of the room id (common/membership.ts roomIdFor). */
  ownerKey?: string;
  salt?: string;
  inviter?: Inviter;
}

/** Said for an invite without `t=`: made before signalling tokens, or cut short. */
export const OLD_INVITE_PROBLEM =
  'This invite has no signalling token (t=…): it was made by an older CodeCrafter or cut short. Ask the host to share the room again and send the new invite.';

export type InviteParse = { ok: true; invite: Invite } | { ok: false; problem: string };

/** A random base64url string of `chars` characters from the platform's CSPRNG. */
export function randomToken(chars: number): string {
  const bytes = new Uint8Array(Math.ceil((chars * 3) / 4));
  platform.crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return platform.btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, chars);
}

/**
 * A new room on `signalUrl`, whose server was started with `signalToken` (main makes it); with the
 * owner's key, its id names that key (the room id is the key's and a salt's hash).
 */
export function newRoom(signalUrl: string, signalToken: string, ownerKey?: string, inviter?: Inviter): Invite {
  const base = { secret: randomToken(SECRET_CHARS), signalUrl, signalToken, ...(inviter ? { inviter } : {}) };
  if (!ownerKey) return { roomId: randomToken(ROOM_ID_CHARS), ...base };
  const salt = newRoomSalt();
  return { roomId: roomIdFor(ownerKey, salt), ...base, ownerKey, salt };
}

/** The query of an invite (everything but the secret), as `?s=…&t=…[&o=…&r=…][&n=…&f=…]`. */
export function inviteQuery(invite: Invite): string {
  let query = `?s=${encodeURIComponent(invite.signalUrl)}&t=${invite.signalToken}`;
  if (invite.ownerKey && invite.salt) query += `&o=${invite.ownerKey}&r=${invite.salt}`;
  if (invite.inviter) query += `&n=${encodeURIComponent(invite.inviter.name)}&f=${encodeURIComponent(invite.inviter.fingerprint)}`;
  return query;
}

/** The app's own link; `base` turns it into the browser host's http link (e.g. location.origin). */
export function formatInvite(invite: Invite, base?: string): string {
  const prefix = base ? `${base.replace(/\/+$/, '')}/join/` : `${INVITE_SCHEME}//join/`;
  return `${prefix}${invite.roomId}${inviteQuery(invite)}#${invite.secret}`;
}

/** The address the provider dials: the signalling URL with the room's token as `?token=`. */
export function signalUrlWithToken(invite: Pick<Invite, 'signalUrl' | 'signalToken'>): string {
  const base = invite.signalUrl.replace(/\/+$/, '');
  return `${base}/?token=${encodeURIComponent(invite.signalToken)}`;
}

/** host[:port] of the signalling server, for the dialog that asks before joining. */
export function signalHost(signalUrl: string): string {
  try {
    return new platform.URL(signalUrl).host;
  } catch {
    return signalUrl;
  }
}

/** Reads an invite in either form; says what is wrong instead of throwing. */
export function parseInvite(link: string): InviteParse {
  const trimmed = link.trim();
  if (trimmed.length > 4096) return { ok: false, problem: 'The invite link is too long.' };
  let url: UrlLike;
  try {
    url = new platform.URL(trimmed);
  } catch {
    return { ok: false, problem: 'That is not a link. Paste the whole invite, starting with codecrafter:// or http.' };
  }
  let roomPart: string;
  if (url.protocol === INVITE_SCHEME) {
    // WHATWG URL parsing of a non-special scheme puts "join" in host and the room in pathname.
    const rest = `${url.host}${url.pathname}`.replace(/^\/+/, '');
    if (!rest.startsWith('join/')) return { ok: false, problem: 'This codecrafter:// link is not a room invite.' };
    roomPart = rest.slice('join/'.length);
  } else if (url.protocol === 'http:' || url.protocol === 'https:') {
    const match = /\/join\/([^/]+)$/.exec(url.pathname);
    if (!match) return { ok: false, problem: 'This link is not a room invite (it has no /join/<room>).' };
    roomPart = match[1]!;
  } else {
    return { ok: false, problem: `Invites start with codecrafter:// or http(s)://, not ${url.protocol}//.` };
  }
  const roomId = RoomIdSchema.safeParse(decodeURIComponent(roomPart));
  if (!roomId.success) return { ok: false, problem: roomId.error.issues[0]!.message };
  const signal = url.searchParams.get('s');
  if (!signal) return { ok: false, problem: 'The invite has no signalling address (?s=…).' };
  const signalUrl = SignalUrlSchema.safeParse(signal);
  if (!signalUrl.success) return { ok: false, problem: signalUrl.error.issues[0]!.message };
  const token = url.searchParams.get('t');
  if (!token) return { ok: false, problem: OLD_INVITE_PROBLEM };
  const signalToken = SignalTokenSchema.safeParse(token);
  if (!signalToken.success) return { ok: false, problem: signalToken.error.issues[0]!.message };
  const hash = url.hash.replace(/^#/, '');
  if (!hash) return { ok: false, problem: 'The invite has no secret (the part after #). Ask for the whole link.' };
  // A role token may follow the secret after '.' (DESIGN.md section 4); roles are not enforced yet.
  const secret = RoomSecretSchema.safeParse(hash.split('.')[0]);
  if (!secret.success) return { ok: false, problem: secret.error.issues[0]!.message };
  const ownerKey = url.searchParams.get('o');
  const salt = url.searchParams.get('r');
  if ((ownerKey === null) !== (salt === null) || (ownerKey !== null && !/^[0-9a-f]{64}$/.test(ownerKey)) || (salt !== null && !/^[0-9a-f]{32}$/.test(salt))) {
    return { ok: false, problem: "The invite's owner key (o=) or salt (r=) is damaged. Ask for the whole link." };
  }
  const invite: Invite = { roomId: roomId.data, signalUrl: signalUrl.data, signalToken: signalToken.data, secret: secret.data };
  if (ownerKey !== null && salt !== null) Object.assign(invite, { ownerKey, salt });
  // Who invites is optional (and only shown): a damaged one is left out rather than refusing the invite.
  const inviter = InviterSchema.safeParse({ name: url.searchParams.get('n') ?? '', fingerprint: url.searchParams.get('f') ?? '' });
  if (inviter.success) invite.inviter = inviter.data;
  return { ok: true, invite };
}

/** The codecrafter:// invite among a process's arguments (how the OS starts the app for a link). */
export function inviteFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.startsWith(`${INVITE_SCHEME}//`)) ?? null;
}
