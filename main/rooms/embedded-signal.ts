import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { SIGNAL_TOKEN_CHARS } from '../../common/invite';
import { startSignalServer, type SignalServer } from '../../signal';
import { getLogger } from '../log/log-service';

// The signalling server the app embeds while it hosts a room (issue 8 item 7). It listens on
// loopback unless the owner chose LAN, and it wants a fresh per-room token, which the invite
// carries: a stranger who finds the port (or a page in a browser on this machine) cannot join the
// room's topic or inject signalling messages into it.

export interface EmbeddedSignal {
  server: SignalServer;
  /** The room's signalling token (192 bits, base64url), for the invite. */
  token: string;
  /** How this machine dials it: always loopback. */
  loopbackUrl: string;
  /** How other machines dial it; null unless the owner chose LAN and this machine has an address. */
  lanUrl: string | null;
}

/** The first IPv4 address other machines on the LAN can reach this one at, if any. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

export function newSignalToken(): string {
  // 24 random bytes are 32 base64url characters: the invite format's SIGNAL_TOKEN_CHARS.
  return randomBytes((SIGNAL_TOKEN_CHARS * 3) / 4).toString('base64url');
}

export async function startEmbeddedSignal(lan: boolean): Promise<EmbeddedSignal> {
  const lanIp = lan ? lanAddress() : null;
  const token = newSignalToken();
  // LAN: every interface, since this machine itself dials loopback and other machines the LAN
  // address. No LAN address (or loopback chosen): loopback only, never 0.0.0.0.
  const server = await startSignalServer({ host: lanIp ? '0.0.0.0' : '127.0.0.1', port: 0, roomToken: token, logger: getLogger('signal') });
  return { server, token, loopbackUrl: `ws://127.0.0.1:${server.port}`, lanUrl: lanIp ? `ws://${lanIp}:${server.port}` : null };
}
