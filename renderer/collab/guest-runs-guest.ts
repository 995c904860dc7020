import type { LanguageId } from '../../common/languages';
import type { Disposer } from '../../common/rpc';
import type { RunLimitsInput } from '../../common/sandbox';
import type { RoomChannel } from './room-channel';
import { GuestRunBroadcastSchema, GuestRunRefusedSchema, GuestRunTopic, type GuestRunBroadcast } from './guest-runs-protocol';

// A member's side of guest runs (issue 8 item 6): asks the host to run a file of the room, and
// shows every guest run the host reports (its own and other members'). Only the owner's
// messages count: the role comes from the membership log through the channel, never from a claim.

export interface GuestRunView {
  /** A guest run started, or one of its events, as the host reports it. */
  onBroadcast(message: GuestRunBroadcast, mine: boolean): void;
  /** The host refused this member's request. */
  onRefused(message: string): void;
}

export interface GuestRunAsk {
  entry: string;
  language: LanguageId;
  stdin: string;
  limits?: RunLimitsInput;
}

function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

export class GuestRunClient {
  private readonly asked = new Set<string>();
  private readonly mine = new Set<string>();
  private readonly disposers: Disposer[];

  constructor(
    private readonly channel: RoomChannel,
    view: GuestRunView,
  ) {
    this.disposers = [
      channel.on(GuestRunTopic.run, (payload, from) => {
        if (from.role !== 'owner') return;
        const parsed = GuestRunBroadcastSchema.safeParse(payload);
        if (!parsed.success) return console.warn('guest run: an unreadable report from the host', parsed.error.issues[0]?.message);
        const message = parsed.data;
        if (message.kind === 'started' && this.asked.delete(message.requestId)) this.mine.add(message.runId);
        view.onBroadcast(message, this.mine.has(message.runId));
        if (message.kind === 'done') this.mine.delete(message.runId);
      }),
      channel.on(GuestRunTopic.refused, (payload, from) => {
        if (from.role !== 'owner') return;
        const parsed = GuestRunRefusedSchema.safeParse(payload);
        if (!parsed.success || !this.asked.delete(parsed.data.requestId)) return;
        view.onRefused(parsed.data.message);
      }),
    ];
  }

  /** The room's owner, if connected now. */
  host(): { key: string; name: string } | null {
    const owner = this.channel.members().find((m) => m.role === 'owner');
    return owner ? { key: owner.key, name: owner.name } : null;
  }

  /** Asks the host to run; a problem in words when it cannot even ask. */
  request(ask: GuestRunAsk): { ok: true; hostName: string } | { ok: false; problem: string } {
    const host = this.host();
    if (!host) return { ok: false, problem: "The room's host is not connected: runs in a room happen on the host's machine." };
    const requestId = newRequestId();
    this.asked.add(requestId);
    this.channel.send(GuestRunTopic.request, { requestId, ...ask }, host.key);
    return { ok: true, hostName: host.name };
  }

  cancel(runId: string): void {
    const host = this.host();
    if (host && this.mine.has(runId)) this.channel.send(GuestRunTopic.cancel, { runId }, host.key);
  }

  dispose(): void {
    for (const dispose of this.disposers) dispose();
  }
}
