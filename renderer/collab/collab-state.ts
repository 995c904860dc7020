import type { ConnectionStatus } from './room-connection';
import type { ChatMessage } from '../../common/chat';
import type { PeerRole } from './provider/roles';
import type { RoomMember } from './provider/room-provider';

// What the workbench shows of a room; kept in the workbench store (state/store.ts `collab`).

export type RoomRole = 'owner' | 'guest';

export interface Participant {
  clientId: number;
  name: string;
  color: string;
  role: RoomRole;
  activeFile: string | null;
  typing: boolean;
  idle: boolean;
  self: boolean;
}

/** Declared once with its schema in common/chat.ts. */
export type { ChatMessage } from '../../common/chat';

export interface RoomInfo {
  roomId: string;
  role: RoomRole;
  /** codecrafter://join/… */
  invite: string;
  /** The same invite as an http link, for the browser host. */
  webInvite: string;
  signalUrl: string;
  lanUrl: string | null;
}

export interface CollabState {
  room: RoomInfo | null;
  connection: ConnectionStatus | null;
  participants: Participant[];
  chat: ChatMessage[];
  chatUnread: number;
  /** Names of peers typing in the chat. */
  chatTyping: string[];
  /** The peer whose active file and viewport this window follows. */
  following: number | null;
  /** Sharing or joining is under way. */
  busy: 'sharing' | 'joining' | null;
  /** This window and the connected peers, with roles from the membership log (never awareness). */
  members: RoomMember[];
  /** This window's role from the log; 'knocking' until the owner lets it in. */
  selfRole: PeerRole | null;
  /** Whether this window's edits reach the room (a writer's role, and the room not read-only). */
  canEdit: boolean;
  /** The owner made the room read-only: only the owner writes. */
  readOnly: boolean;
}

export const EMPTY_COLLAB: CollabState = {
  room: null,
  connection: null,
  participants: [],
  chat: [],
  chatUnread: 0,
  chatTyping: [],
  following: null,
  busy: null,
  members: [],
  selfRole: null,
  canEdit: true,
  readOnly: false,
};
