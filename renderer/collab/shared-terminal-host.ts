import { Emitter, type Event } from '../../common/event';
import type { Disposer } from '../../common/rpc';
import type { ChannelSender, RoomChannel } from './room-channel';
import { SharedScreen } from './shared-terminal-screen';
import {
  InputSchema,
  ListRequestSchema,
  SharedTerminalTopic as Topic,
  SubscribeSchema,
  WRITE_ELIGIBLE_ROLES,
  type SharedTerminalList,
} from './shared-terminal-wire';

// The host's side of a shared terminal (issue 10 item 4). The host picks which of its terminals
// (local or room container) members see; members get its output live, read-only, and the host
// grants and revokes write per member key. Everything a member sends is checked HERE, on the host,
// against the role the membership log gives the sender's key (RoomChannel's `from.role`) and the
// grant set: a peer that sends raw input frames without a grant reaches no pty, and each such
// frame is counted. A terminal that is not shared is never named or sent. A shared terminal the
// host restarts stays shared (same id, same grants) with the new shell behind it.

/** ESC c (RIS, a full reset): a restarted terminal starts on a clean screen, for members too. */
const RESET_SCREEN = '\x1bc';
/**
 * Output queued for one member past which it is sent no more (a slow link, or a member that stopped
 * reading): the host's memory stays bounded whatever a member does. The member sees a gap in the
 * numbered output when it reads again, and asks for the screen.
 */
export const SHARED_OUTPUT_BACKLOG_BYTES = 4 * 1024 * 1024;
/** A member gets at most one snapshot of a shared terminal's screen per this interval (each is built and sent whole). */
export const SNAPSHOT_INTERVAL_MS = 1000;

/** A host terminal as sharing sees it; the workbench adapts its terminals to this. */
export interface ShareableTerminal {
  title: string;
  cols: number;
  rows: number;
  /** Output as the host's terminal receives it; returns its disposer. */
  onData(listener: (data: string) => void): Disposer;
  /** Size changes of the host's terminal (members' screens follow it). */
  onResize?(listener: (size: { cols: number; rows: number }) => void): Disposer;
  /**
   * What the host's terminal shows now, as escape sequences (xterm's serialize addon), so members
   * see what came before the share too; without it their screen starts at the share.
   */
  screen?(): string;
  /** Input to the pty: called only for a granted member's keystrokes. */
  write(data: string): void;
}

/** Why a member's frame was dropped; the host's UI shows the counts. */
export type DropReason = 'no-grant' | 'not-eligible' | 'not-shared' | 'malformed' | 'too-frequent';

interface Share {
  sid: string;
  /** The host's terminal behind the share; a restart puts the new one here. */
  terminal: ShareableTerminal;
  screen: SharedScreen;
  seq: number;
  writers: Set<string>;
  off: Disposer[];
}

export class SharedTerminalHost {
  private readonly shares = new Map<string, Share>();
  private readonly offChannel: Disposer[];
  private nextSid = 1;
  private readonly dropCounts: Record<DropReason, number> = { 'no-grant': 0, 'not-eligible': 0, 'not-shared': 0, malformed: 0, 'too-frequent': 0 };
  /** Snapshots per member and share (`key:sid`): one in flight at a time, one per SNAPSHOT_INTERVAL_MS. */
  private readonly snapshots = new Map<string, { busy: boolean; again: boolean; timer?: ReturnType<typeof setTimeout> }>();
  private readonly changed = new Emitter<SharedTerminalList>();
  private readonly droppedEmitter = new Emitter<{ reason: DropReason; from: ChannelSender }>();
  /** The list of shares changed (shared, stopped, a grant given or taken). */
  readonly onDidChange: Event<SharedTerminalList> = this.changed.event;
  /** A member's frame was refused; the host's UI may say who tried. */
  readonly onDidDrop: Event<{ reason: DropReason; from: ChannelSender }> = this.droppedEmitter.event;

  constructor(private readonly channel: RoomChannel) {
    this.offChannel = [
      channel.on(Topic.list, (payload, from) => this.onListRequest(payload, from)),
      channel.on(Topic.subscribe, (payload, from) => this.onSubscribe(payload, from)),
      channel.on(Topic.input, (payload, from) => this.onInput(payload, from)),
    ];
  }

  /** Shares a terminal with the room, read-only for everyone; returns its shared id. */
  share(terminal: ShareableTerminal): string {
    const sid = `s${this.nextSid++}`;
    const share: Share = { sid, terminal, screen: new SharedScreen(terminal.cols, terminal.rows), seq: 0, writers: new Set(), off: [] };
    // Output number 0: the screen before the share; live output is numbered from 1.
    const before = terminal.screen?.();
    if (before) share.screen.write(0, before);
    this.follow(share);
    this.shares.set(sid, share);
    this.announce();
    return sid;
  }

  /**
   * The host restarted a shared terminal (a new shell under a new terminal id): the share follows
   * the new one under the same id, with the same grants, and members' screens are reset as the
   * host's own is. The reset travels in the numbered output, so a member's screen never mixes the
   * old shell's output into the new one's.
   */
  restarted(sid: string, terminal: ShareableTerminal): void {
    const share = this.require(sid);
    share.off.forEach((off) => off());
    share.off = [];
    share.terminal = terminal;
    this.output(share, RESET_SCREEN);
    if (terminal.cols !== share.screen.cols || terminal.rows !== share.screen.rows) share.screen.resize(terminal.cols, terminal.rows);
    this.follow(share);
    this.announce();
  }

  /** Stops sharing: members' tabs say the share ended; nothing more is sent or accepted for it. */
  unshare(sid: string): void {
    const share = this.shares.get(sid);
    if (!share) return;
    this.shares.delete(sid);
    share.off.forEach((off) => off());
    share.screen.dispose();
    this.announce();
  }

  /** Lets one member type in a shared terminal: only an admitted member with an editor role or above. */
  grantWrite(sid: string, key: string): void {
    const share = this.require(sid);
    const member = this.channel.members().find((m) => m.key === key);
    if (!member) throw new Error('That person is not in the room now.');
    if (!WRITE_ELIGIBLE_ROLES.has(member.role)) {
      throw new Error(`${member.name || member.fingerprint} is a ${member.role}: only editors and above can be given write access.`);
    }
    share.writers.add(key);
    this.announce();
  }

  revokeWrite(sid: string, key: string): void {
    if (this.require(sid).writers.delete(key)) this.announce();
  }

  list(): SharedTerminalList {
    return [...this.shares.values()].map((s) => ({ sid: s.sid, title: s.terminal.title, cols: s.screen.cols, rows: s.screen.rows, writers: [...s.writers] }));
  }

  /** Frames refused since the start, by reason. */
  dropped(): Readonly<Record<DropReason, number>> {
    return { ...this.dropCounts };
  }

  dispose(): void {
    for (const sid of [...this.shares.keys()]) this.unshare(sid);
    for (const state of this.snapshots.values()) clearTimeout(state.timer);
    this.snapshots.clear();
    this.offChannel.forEach((off) => off());
    this.changed.dispose();
    this.droppedEmitter.dispose();
  }

  /** Output and size changes of the share's terminal reach the screen model and the members. */
  private follow(share: Share): void {
    const { terminal } = share;
    share.off.push(terminal.onData((data) => this.output(share, data)));
    if (terminal.onResize) {
      share.off.push(
        terminal.onResize(({ cols, rows }) => {
          share.screen.resize(cols, rows);
          this.announce();
        }),
      );
    }
  }

  private output(share: Share, data: string): void {
    share.seq += 1;
    share.screen.write(share.seq, data);
    this.channel.sendLossy(Topic.output, { sid: share.sid, seq: share.seq, data }, SHARED_OUTPUT_BACKLOG_BYTES);
  }

  private require(sid: string): Share {
    const share = this.shares.get(sid);
    if (!share) throw new Error(`Terminal ${sid} is not shared.`);
    return share;
  }

  private announce(): void {
    const terminals = this.list();
    this.channel.send(Topic.shares, { terminals });
    this.changed.fire(terminals);
  }

  private drop(reason: DropReason, from: ChannelSender): void {
    this.dropCounts[reason] += 1;
    this.droppedEmitter.fire({ reason, from });
  }

  private onListRequest(payload: unknown, from: ChannelSender): void {
    if (!ListRequestSchema.safeParse(payload).success) return this.drop('malformed', from);
    if (from.role === 'knocking') return this.drop('not-shared', from);
    this.channel.send(Topic.shares, { terminals: this.list() }, from.key);
  }

  private onSubscribe(payload: unknown, from: ChannelSender): void {
    const parsed = SubscribeSchema.safeParse(payload);
    if (!parsed.success) return this.drop('malformed', from);
    const share = this.shares.get(parsed.data.sid);
    // A terminal that is not shared (or no longer) is never described, not even by an error.
    if (!share || from.role === 'knocking') return this.drop('not-shared', from);
    const pair = `${from.key}:${share.sid}`;
    const state = this.snapshots.get(pair) ?? { busy: false, again: false };
    this.snapshots.set(pair, state);
    // One snapshot in flight, then a pause: asks meanwhile are answered by one more, after it.
    if (state.busy) {
      if (state.again) this.drop('too-frequent', from);
      state.again = true;
      return;
    }
    this.sendSnapshot(share, from, pair, state);
  }

  private sendSnapshot(share: Share, to: ChannelSender, pair: string, state: { busy: boolean; again: boolean; timer?: ReturnType<typeof setTimeout> }): void {
    state.busy = true;
    state.again = false;
    void share.screen.snapshot().then(({ seq, screen }) => {
      // Unshared while the model caught up: nothing more is sent for it.
      if (this.shares.get(share.sid) !== share) return void this.snapshots.delete(pair);
      // Not queued behind a backlog past the cap either: a member that asks but does not read
      // would otherwise get a screen queued every interval. It is sent once the member catches up.
      const behind = this.channel.sendLossy(Topic.screen, { sid: share.sid, seq, cols: share.screen.cols, rows: share.screen.rows, screen }, SHARED_OUTPUT_BACKLOG_BYTES, to.key);
      if (behind.length) state.again = true;
      state.timer = setTimeout(() => {
        state.busy = false;
        if (state.again && this.shares.get(share.sid) === share) this.sendSnapshot(share, to, pair, state);
        else this.snapshots.delete(pair);
      }, SNAPSHOT_INTERVAL_MS);
    });
  }

  private onInput(payload: unknown, from: ChannelSender): void {
    const parsed = InputSchema.safeParse(payload);
    if (!parsed.success) return this.drop('malformed', from);
    const share = this.shares.get(parsed.data.sid);
    if (!share) return this.drop('not-shared', from);
    // Both checks on every frame: a grant outlives nothing — a member demoted to viewer (or
    // removed from the log) loses write at once, even before the host revokes the grant.
    if (!WRITE_ELIGIBLE_ROLES.has(from.role)) return this.drop('not-eligible', from);
    if (!share.writers.has(from.key)) return this.drop('no-grant', from);
    share.terminal.write(parsed.data.data);
  }
}
