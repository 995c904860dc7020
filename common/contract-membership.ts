import { z } from 'zod';
import { PublicKeySchema } from './identity';
import type { MembershipEntry } from './membership';
import { method, type ServiceSpec } from './rpc';

// The membership service of the host contract (issue 8, item 2): each room's signed membership log
// kept in SQLite with the room (main/rooms/membership-store.ts), so a room reopened later has the
// grants and bans it had. Merged into common/contract.ts.

const RoomId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const membershipContract = {
  /** The entries kept for a room (none for a room never seen here). */
  load: method<{ entries: MembershipEntry[] }>()(z.object({ roomId: RoomId }).strict()),
  /**
   * Keeps a room and new entries. The owner key and salt must make the room id (roomIdFor); each
   * entry is checked (shape, room, signature) before it is kept, and the bad ones are left out.
   */
  save: method<{ added: number }>()(
    z.object({ roomId: RoomId, ownerKey: PublicKeySchema, salt: z.string().regex(/^[0-9a-f]{32}$/), entries: z.array(z.unknown()).max(2_000) }).strict(),
  ),
} satisfies ServiceSpec;
