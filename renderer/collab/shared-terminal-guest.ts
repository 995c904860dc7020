import { Emitter, type Event } from '../../common/event';
import type { Disposer } from '../../common/rpc';
import type { ChannelSender, RoomChannel } from './room-channel';
import { OutputSchema, ScreenSchema, SharedTerminalTopic as Topic, SharesSchema, type SharedTerminalList } from './shared-terminal-wire';

// A member's side of shared terminals (issue 10 item 4): the host's list of shared terminals, and
// for each one a member opens, its screen then its live output. Only the room's owner (the host,
// who owns the terminals) is listened to: a member cannot pose as the host and push a terminal.

/** Where a shared terminal's bytes go: the member's read-only xterm tab. */
export interface SharedTerminalSink {
  /** Clears the screen and draws the host's current one (sent once, then live output follows). */
  reset(screen: string, cols: number, rows: number): void;
  write(data: string): void;
}

interface Attached {
  sink: SharedTerminalSink;
  /** Output numbers up to this one are in the screen already; null until the screen arrives. */
  screenSeq: number | null;
  /** Live output that arrived before the screen, applied after it. */
  early: { seq: number; data: string }[];
}

export class SharedTerminalGuest {
  private terminals: SharedTerminalList = [];
  private readonly attached = new Map<string, Attached>();
  private readonly off: Disposer[];
  /** The host we have a list from; asked again when the host comes back (or a new one appears). */
  private listedBy: string | null = null;
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
    this.attached.set(sid, { sink, screenSeq: null, early: [] });
    const host = this.hostKey();
    if (host) this.channel.send(Topic.subscribe, { sid }, host);
    return () => this.attached.delete(sid);
  }

  /**
   * Asks the host for its list unless it already sent us one. Call it when the room's members
   * change: the list is broadcast when it changes, so one shared before we were admitted (or
   * before the host could reach us) arrives only when asked for.
   */
  syncWithHost(): void {
    const host = this.hostKey();
    if (!host) {
      this.listedBy = null;
      return;
    }
    if (this.listedBy !== host) this.channel.send(Topic.list, {}, host);
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
    if (!attached) return;
    attached.screenSeq = parsed.data.seq;
    attached.sink.reset(parsed.data.screen, parsed.data.cols, parsed.data.rows);
    for (const piece of attached.early) if (piece.seq > parsed.data.seq) attached.sink.write(piece.data);
    attached.early = [];
  }

  private onOutput(payload: unknown, from: ChannelSender): void {
    if (from.role !== 'owner') return;
    const parsed = OutputSchema.safeParse(payload);
    if (!parsed.success) return console.warn('shared terminal: malformed output from the host was ignored', parsed.error.issues[0]);
    const attached = this.attached.get(parsed.data.sid);
    if (!attached) return;
    if (attached.screenSeq === null) attached.early.push({ seq: parsed.data.seq, data: parsed.data.data });
    else if (parsed.data.seq > attached.screenSeq) attached.sink.write(parsed.data.data);
  }
}
