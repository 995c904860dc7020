import { z } from 'zod';
import { newRoomSalt, roomIdFor } from './membership';

// Room invites (DESIGN.md section 4, issue 4):
//   codecrafter://join/<roomId>?s=<signal-url>#<secret>
//   http(s)://<any-host>/join/<roomId>?s=<signal-url>#<secret>   (the same, for the browser host)
// plus `&o=<owner key>&n=<salt>` (issue 8): the room id is roomIdFor(owner key, salt), so a guest
// knows the owner's key without trusting the signalling server or whoever forwarded the link.
// The secret sits after '#', so no server that serves or relays the link ever receives it.

export const INVITE_SCHEME = 'codecrafter:';
/** Room ids and secrets are random base64url strings this long (128 bits and 192 bits). */
export const ROOM_ID_CHARS = 22;
export const SECRET_CHARS = 32;

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

export interface Invite {
  roomId: string;
  signalUrl: string;
  secret: string;
  /** The owner's public key and the salt of the room id (common/membership.ts roomIdFor). */
  ownerKey?: string;
  salt?: string;
}

export type InviteParse = { ok: true; invite: Invite } | { ok: false; problem: string };

/** A random base64url string of `chars` characters from the platform's CSPRNG. */
export function randomToken(chars: number): string {
  const bytes = new Uint8Array(Math.ceil((chars * 3) / 4));
  platform.crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return platform.btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, chars);
}

/** A new room; with the owner's key, its id names that key (the room id is the key's and a salt's hash). */
export function newRoom(signalUrl: string, ownerKey?: string): Invite {
  if (!ownerKey) return { roomId: randomToken(ROOM_ID_CHARS), secret: randomToken(SECRET_CHARS), signalUrl };
  const salt = newRoomSalt();
  return { roomId: roomIdFor(ownerKey, salt), secret: randomToken(SECRET_CHARS), signalUrl, ownerKey, salt };
}

/** The app's own link; `base` turns it into the browser host's http link (e.g. location.origin). */
export function formatInvite(invite: Invite, base?: string): string {
  const prefix = base ? `${base.replace(/\/+$/, '')}/join/` : `${INVITE_SCHEME}//join/`;
  const owner = invite.ownerKey && invite.salt ? `&o=${invite.ownerKey}&n=${invite.salt}` : '';
  return `${prefix}${invite.roomId}?s=${encodeURIComponent(invite.signalUrl)}${owner}#${invite.secret}`;
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
  const hash = url.hash.replace(/^#/, '');
  if (!hash) return { ok: false, problem: 'The invite has no secret (the part after #). Ask for the whole link.' };
  // A role token may follow the secret after '.' (DESIGN.md section 4); roles are not enforced yet.
  const secret = RoomSecretSchema.safeParse(hash.split('.')[0]);
  if (!secret.success) return { ok: false, problem: secret.error.issues[0]!.message };
  const ownerKey = url.searchParams.get('o');
  const salt = url.searchParams.get('n');
  if ((ownerKey === null) !== (salt === null) || (ownerKey !== null && !/^[0-9a-f]{64}$/.test(ownerKey)) || (salt !== null && !/^[0-9a-f]{32}$/.test(salt))) {
    return { ok: false, problem: "The invite's owner key (o=) or salt (n=) is damaged. Ask for the whole link." };
  }
  const owner = ownerKey !== null && salt !== null ? { ownerKey, salt } : {};
  return { ok: true, invite: { roomId: roomId.data, signalUrl: signalUrl.data, secret: secret.data, ...owner } };
}

/** The codecrafter:// invite among a process's arguments (how the OS starts the app for a link). */
export function inviteFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.startsWith(`${INVITE_SCHEME}//`)) ?? null;
}
