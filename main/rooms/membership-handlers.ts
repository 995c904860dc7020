import type { membershipContract } from '../../common/contract-membership';
import { ErrorCode, HostError } from '../../common/errors';
import { checkEntry, isRoomOwner, keptIssuers, type MembershipEntry } from '../../common/membership';
import type { ImplOf } from '../../common/rpc';
import { MembershipStore } from './membership-store';

// main's side of common/contract-membership.ts: the store is opened on first use, and nothing
// from the renderer is kept before it is checked as a peer would check it.

export function createMembershipHandlers(dataDir: string): { impl: ImplOf<{ membership: typeof membershipContract }>['membership']; dispose(): void } {
  let store: MembershipStore | null = null;
  const open = () => (store ??= MembershipStore.inDataDir(dataDir));
  return {
    impl: {
      load: ({ roomId }) => ({ entries: open().entries(roomId) }),
      async save({ roomId, ownerKey, salt, entries }) {
        if (!isRoomOwner(roomId, ownerKey, salt)) throw new HostError(ErrorCode.InvalidArgument, 'The owner key and salt do not make this room id.');
        const checked: MembershipEntry[] = [];
        const now = Date.now();
        for (const value of entries) {
          const result = await checkEntry(value, roomId, now);
          if (result.ok) checked.push(result.entry);
        }
        const db = open();
        // As a peer's log does (common/membership.ts), only entries of the owner and of keys the
        // owner made an admin are kept; an admin's grant may come in the same call as its entries.
        const issuers = keptIssuers(ownerKey, [...db.entries(roomId), ...checked]);
        db.saveRoom({ roomId, ownerKey, salt, createdAt: now });
        return { added: db.addEntries(roomId, checked.filter((entry) => issuers.has(entry.issuer))) };
      },
    },
    dispose: () => store?.close(),
  };
}
