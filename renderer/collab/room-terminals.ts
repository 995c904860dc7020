import { useSyncExternalStore } from 'react';
import { roomTerminals } from './session';
import type { RoomTerminals } from './room-terminals-controller';

// Shared terminals as the terminal panel sees them; the controller is room-terminals-controller.ts,
// made once with the room's other controllers (session.ts).

export { sharedTabId, type HostedTerminals, type JoinedTerminals, type RoomTerminals } from './room-terminals-controller';

/** React: the shared terminals of this window's room; re-renders when a room starts or ends. */
export function useRoomTerminals(): RoomTerminals | null {
  return useSyncExternalStore(roomTerminals.onDidChange, roomTerminals.current);
}
