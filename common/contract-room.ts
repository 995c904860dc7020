import { z } from 'zod';
import { method, type ServiceSpec } from './rpc';

// The room service of the host contract (issue 4): hosting a room (the embedded signalling
// server, the LAN address for invites). Declared here and merged into common/contract.ts.

export interface RoomHostingStatus {
  hosting: boolean;
  /** The embedded signalling server as this machine reaches it (loopback). */
  signalUrl: string | null;
  /** The same server as other machines on the LAN reach it; null when bound to loopback only. */
  lanUrl: string | null;
}

export const roomContract = {
  /**
   * Starts the embedded signalling server (once; later calls return the running one). `lan`
   * binds every interface so peers on the LAN can reach it; otherwise loopback only.
   */
  startHosting: method<RoomHostingStatus>()(z.object({ lan: z.boolean().optional() }).strict().optional()),
  stopHosting: method<void>()(z.object({}).strict().optional()),
  status: method<RoomHostingStatus>()(z.object({}).strict().optional()),
} satisfies ServiceSpec;
