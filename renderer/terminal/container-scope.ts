import { workbench } from '../state/store';

/**
 * Which room container the terminal panel and runs mean: while this window hosts a room, the
 * room's (it ends with the room); otherwise the open folder's.
 */
export function containerScope(): { room?: string } {
  const room = workbench.get().collab.room;
  return room?.role === 'owner' ? { room: room.roomId } : {};
}
