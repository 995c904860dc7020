import { Emitter, type Event } from '../../common/event';
import type { Disposer } from '../../common/rpc';
import type { TerminalInfo } from '../../common/types';
import type { WorkbenchStore } from '../state/store';
import type { RoomChannel } from './room-channel';
import { SharedTerminalGuest } from './shared-terminal-guest';
import { SharedTerminalHost, type ShareableTerminal } from './shared-terminal-host';

// Shared terminals in this window's room (issue 10 item 4), over the room's RoomChannel: the
// owner shares its terminals (SharedTerminalHost), a member follows them as tabs in its terminal
// panel (SharedTerminalGuest). Started by room-session.ts connect() next to guest runs; the terminal
// panel reads what is running here through useRoomTerminals() (room-terminals.ts).

const SHARED_TAB_PREFIX = 'shared:';

/** A shared terminal's tab id in a member's terminal panel (kept in `activeTerminal`). */
export function sharedTabId(sid: string): string {
  return `${SHARED_TAB_PREFIX}${sid}`;
}

function isSharedTab(tabId: string | null): tabId is string {
  return tabId?.startsWith(SHARED_TAB_PREFIX) ?? false;
}

/** The owner's side: which of its terminals are shared, under which shared id. */
export class HostedTerminals {
  readonly role = 'owner';
  /** Host terminal id -> shared id; the shared id is all members ever see. */
  private readonly sids = new Map<string, string>();

  constructor(
    readonly channel: RoomChannel,
    readonly sharing: SharedTerminalHost,
    /** One of the host's terminals as sharing sees it (shareable-terminal.ts). */
    private readonly shareable: (info: TerminalInfo) => ShareableTerminal,
  ) {}

  sidOf(terminalId: string): string | undefined {
    return this.sids.get(terminalId);
  }

  share(info: TerminalInfo): string {
    const known = this.sids.get(info.id);
    if (known) return known;
    const sid = this.sharing.share(this.shareable(info));
    this.sids.set(info.id, sid);
    return sid;
  }

  stop(terminalId: string): void {
    const sid = this.sids.get(terminalId);
    if (sid === undefined) return;
    this.sids.delete(terminalId);
    this.sharing.unshare(sid);
  }

  /**
   * The host restarted a shared terminal (Restart after its shell ended): the share carries on
   * with the new shell, under the same shared id and with the same grants.
   */
  restarted(from: TerminalInfo, to: TerminalInfo): void {
    const sid = this.sids.get(from.id);
    if (sid === undefined) return;
    this.sids.delete(from.id);
    this.sids.set(to.id, sid);
    this.sharing.restarted(sid, this.shareable(to));
  }

  /** A shared terminal the host closed stops being shared (a restarted one moved on first). */
  keepOnly(open: readonly TerminalInfo[]): void {
    const ids = new Set(open.map((t) => t.id));
    for (const terminalId of [...this.sids.keys()]) if (!ids.has(terminalId)) this.stop(terminalId);
  }
}

/** A member's side: the host's shared terminals, shown as tabs. */
export interface JoinedTerminals {
  readonly role: 'guest';
  readonly channel: RoomChannel;
  readonly guest: SharedTerminalGuest;
}

export type RoomTerminals = HostedTerminals | JoinedTerminals;

export interface RoomTerminalsDeps {
  store: WorkbenchStore;
  /** Fires when the host restarts one of its terminals (terminal-actions.ts). */
  onDidRestartTerminal: Event<{ from: TerminalInfo; to: TerminalInfo }>;
  /** One of the host's terminals as sharing sees it (shareable-terminal.ts). */
  shareable: (info: TerminalInfo) => ShareableTerminal;
}

export interface RoomTerminalsController {
  /** The shared terminals of this window's room, or null outside a room. */
  current(): RoomTerminals | null;
  /** Fires when a room's shared terminals start or end. */
  readonly onDidChange: Event<void>;
  /**
   * Starts shared terminals for a room this window is in; `role` is this window's part in it,
   * `onMembersChange` fires when peers come, go or change role. Returns the disposer.
   */
  start(channel: RoomChannel, role: 'owner' | 'guest', onMembersChange: Event<unknown>): Disposer;
}

// One room per window (the session keeps one connection): what runs for it, for the panel.
export function createRoomTerminals({ store, onDidRestartTerminal, shareable }: RoomTerminalsDeps): RoomTerminalsController {
  let current: RoomTerminals | null = null;
  const changed = new Emitter<void>();

  function setCurrent(next: RoomTerminals | null): void {
    current = next;
    changed.fire();
  }

  function startHosting(channel: RoomChannel): Disposer {
    const hosted = new HostedTerminals(channel, new SharedTerminalHost(channel), shareable);
    const offRestarts = onDidRestartTerminal(({ from, to }) => hosted.restarted(from, to));
    const offTerminals = store.subscribe((s, prev) => {
      if (s.terminals !== prev.terminals) hosted.keepOnly(s.terminals);
    });
    setCurrent(hosted);
    return () => {
      offRestarts();
      offTerminals();
      hosted.sharing.dispose();
      if (current === hosted) setCurrent(null);
    };
  }

  /** The member's panel shows a shared tab only while it is shared. */
  function settleActiveTab(guest: SharedTerminalGuest): void {
    const shared = new Set(guest.list().map((t) => sharedTabId(t.sid)));
    store.set((s) => {
      const active = s.activeTerminal;
      if (isSharedTab(active) && !shared.has(active)) return { activeTerminal: s.terminals.at(-1)?.id ?? null };
      // The first terminal shared with a member who has none open is shown at once.
      if (active === null && guest.list().length > 0) return { activeTerminal: sharedTabId(guest.list()[0]!.sid) };
      return {};
    });
  }

  function startFollowing(channel: RoomChannel, onMembersChange: Event<unknown>): Disposer {
    const guest = new SharedTerminalGuest(channel);
    const joined: JoinedTerminals = { role: 'guest', channel, guest };
    const offList = guest.onDidChange(() => settleActiveTab(guest));
    // Admission, the host's arrival or its return: ask for the list it broadcast meanwhile.
    const offMembers = onMembersChange(() => guest.syncWithHost());
    guest.syncWithHost();
    setCurrent(joined);
    return () => {
      offMembers();
      offList();
      guest.dispose();
      if (current === joined) setCurrent(null);
      store.set((s) => (isSharedTab(s.activeTerminal) ? { activeTerminal: s.terminals.at(-1)?.id ?? null } : {}));
    };
  }

  return {
    current: () => current,
    onDidChange: changed.event,
    start: (channel, role, onMembersChange) => (role === 'owner' ? startHosting(channel) : startFollowing(channel, onMembersChange)),
  };
}
