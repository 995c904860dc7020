import { Emitter, type Event } from '../../common/event';
import type { Disposer } from '../../common/rpc';
import type { ChannelSender, RoomChannel } from './room-channel';
import { OutputSchema, ScreenSchema, SharedTerminalTopic as Topic, SharesSchema, type SharedTerminalList } from './shared-terminal-wire';

// A member's side of shared terminals (issue 10 item 4): the host's list of shared terminals, and
// for each one a member opens, its screen then its live output. Only the room's owner (the host,
// who owns the terminals) is listened to: a member cannot pose as the host and push a terminal.
// Output is numbered per terminal; whatever breaks the stream (the host's connection or ours
// dropped and came back, or a number skipped) makes the member ask for the current screen again,
// so its tab never stays blank or stale.

/** Live output kept per tab while its screen is on its way. */
const MAX_EARLY_PIECES = 1024;

/** Where a shared terminal's bytes go: the member's read-only xterm tab. */
export interface SharedTerminalSink {
  /** Clears the screen and draws the host's current one (sent once, then live output follows). */
  reset(screen: string, cols: number, rows: number): void;
  write(data: string): void;
}

interface Attached {
  sink: SharedTerminalSink;
  /** The last output number the tab shows (the screen's, then each piece's); null until the screen arrives. */
  shownSeq: number | null;
  /** Live output that arrived before the screen, applied after it. */
  early: { seq: number; data: string }[];
}

export class SharedTerminalGuest {
  private terminals: SharedTerminalList = [];
  private readonly attached = new Map<string, Attached>();
  private readonly off: Disposer[];
  /** The host we have a list from; asked again when the host comes back (or a new one appears). */
  private listedBy: string | null = null;
  /** The host the open tabs asked for their screens; asked again when the host comes back. */
  private screensFrom: string | null = null;
  private readonly changed = new Emitter<SharedTerminalList>();
  /** The host shared or stopped a terminal, or changed who may type. */
  readonly onDidChange: Event<SharedTerminalList> = this.changed.event;

  constructor(private readonly channel: RoomChannel) {
    this.off = [
      channel.on(Topic.shares, (payload, from) => this.onShares(payload, from)),
      channel.on(Topic.screen, (payload, from) => this.onScreen(payload, from)),
      channel.on(Topic.output, (payload, from) => this.onOutput(payload, from)),
    ];
  }

  list(): SharedTerminalList {
    return this.terminals;
  }

  /** Whether the host gave us write access to this terminal (the host checks again on each frame). */
  canWrite(sid: string): boolean {
    return this.terminals.some((t) => t.sid === sid && t.writers.includes(this.channel.selfKey));
  }

  /** Opens a shared terminal: asks the host for its screen, then follows its output. */
  attach(sid: string, sink: SharedTerminalSink): Disposer {
    const attached: Attached = { sink, shownSeq: null, early: [] };
    this.attached.set(sid, attached);
    this.askScreen(sid, attached);
    return () => {
      if (this.attached.get(sid) === attached) this.attached.delete(sid);
    };
  }

  /**
   * Asks the host for its list unless it already sent us one, and for the screens of the open
   * tabs when the host is back after being away. Call it when the room's members change: the
   * list is broadcast when it changes, so one shared before we were admitted (or before the host
   * could reach us) arrives only when asked for, and output sent while the host or we were away
   * never arrives at all.
   */
  syncWithHost(): void {
    const host = this.hostKey();
    if (!host) {
      this.listedBy = null;
      this.screensFrom = null;
      return;
    }
    if (this.listedBy !== host) this.channel.send(Topic.list, {}, host);
    if (this.screensFrom === host) return;
    this.screensFrom = host;
    for (const [sid, attached] of this.attached) this.askScreen(sid, attached);
  }

  /** Keystrokes for a shared terminal; sent only while we hold a grant. */
  input(sid: string, data: string): boolean {
    const host = this.hostKey();
    if (!host || !this.canWrite(sid)) return false;
    this.channel.send(Topic.input, { sid, data }, host);
    return true;
  }

  dispose(): void {
    this.off.forEach((off) => off());
    this.attached.clear();
    this.changed.dispose();
  }

  /** Asks the host for the tab's screen; live output meanwhile waits for it. */
  private askScreen(sid: string, attached: Attached): void {
    attached.shownSeq = null;
    const host = this.hostKey();
    // No host now: syncWithHost asks when it is back.
    if (!host) return;
    this.screensFrom = host;
    this.channel.send(Topic.subscribe, { sid }, host);
  }

  /**
   * Output reaches the tab if it is the next number; before the screen it waits, one the screen
   * holds already is skipped, and a skipped number means output was lost: the screen is asked again.
   */
  private show(sid: string, attached: Attached, piece: { seq: number; data: string }): void {
    if (attached.shownSeq !== null && piece.seq > attached.shownSeq + 1) this.askScreen(sid, attached);
    if (attached.shownSeq === null) {
      // Bounded while no screen comes: the oldest pieces are the likeliest to be in it, and if
      // one is not, the gap it leaves asks for the screen again.
      if (attached.early.push(piece) > MAX_EARLY_PIECES) attached.early.shift();
      return;
    }
    if (piece.seq <= attached.shownSeq) return;
    attached.shownSeq = piece.seq;
    attached.sink.write(piece.data);
  }

  private hostKey(): string | undefined {
    return this.channel.members().find((m) => m.role === 'owner')?.key;
  }

  private onShares(payload: unknown, from: ChannelSender): void {
    if (from.role !== 'owner') return;
    const parsed = SharesSchema.safeParse(payload);
    if (!parsed.success) return console.warn('shared terminal: a malformed list from the host was ignored', parsed.error.issues[0]);
    this.terminals = parsed.data.terminals;
    this.listedBy = from.key;
    for (const sid of this.attached.keys()) if (!this.terminals.some((t) => t.sid === sid)) this.attached.delete(sid);
    this.changed.fire(this.terminals);
  }

  private onScreen(payload: unknown, from: ChannelSender): void {
    if (from.role !== 'owner') return;
    const parsed = ScreenSchema.safeParse(payload);
    if (!parsed.success) return console.warn('shared terminal: a malformed screen from the host was ignored', parsed.error.issues[0]);
    const attached = this.attached.get(parsed.data.sid);
    // A screen nobody waits for (a second answer to a repeated ask) would put the tab back in time.
    if (!attached || attached.shownSeq !== null) return;
    attached.shownSeq = parsed.data.seq;
    attached.sink.reset(parsed.data.screen, parsed.data.cols, parsed.data.rows);
    const early = attached.early;
    attached.early = [];
    for (const piece of early) this.show(parsed.data.sid, attached, piece);
  }

  private onOutput(payload: unknown, from: ChannelSender): void {
    if (from.role !== 'owner') return;
    const parsed = OutputSchema.safeParse(payload);
    if (!parsed.success) return console.warn('shared terminal: malformed output from the host was ignored', parsed.error.issues[0]);
    const attached = this.attached.get(parsed.data.sid);
    if (!attached) return;
    this.show(parsed.data.sid, attached, { seq: parsed.data.seq, data: parsed.data.data });
  }
}
