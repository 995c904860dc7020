import { Emitter, type Event } from '../../common/event';
import {
  CHAT_HISTORY_LIMIT,
  ChatHistoryRequestSchema,
  ChatHistorySchema,
  chatKey,
  chatLine,
  ChatTopic,
  checkChatMessage,
  MAX_CHAT_CHARS,
  type ChatMessage,
  type ChatProblem,
  type ChatSignFields,
  type SignedChatMessage,
} from '../../common/chat';
import { MAX_CLOCK_SKEW_MS } from '../../common/membership';
import type { Disposer } from '../../common/rpc';
import type { ChannelSender, RoomChannel } from './room-channel';

// The room's chat (issue 8, "Rooms you can trust") over the room's authenticated channel, never
// the Y.Doc: every admitted member, viewers included, may chat; nobody can edit or delete what
// another said. Each message is signed by its author's identity key (common/chat.ts):
// - a live message must come from its author's own connection, under the name that connection
//   gave in the handshake, at most `CHAT_RATE.messages` per `CHAT_RATE.windowMs` per member;
// - a member who arrives asks every member for history and gets up to CHAT_HISTORY_LIMIT recent
//   messages from each; a relayed message counts only if its author's signature holds, so the
//   member who passes it on cannot change it, put it under another name or invent one;
// - messages are one set keyed by author and id: a message heard twice is shown once.
// Whatever is refused is reported once per member and reason (a flood is one line in the log).

export { MAX_CHAT_CHARS };

/** Messages one member may send in a window; more are refused (and the sender's own box says so). */
export const CHAT_RATE = { messages: 10, windowMs: 10_000 } as const;
/** Messages kept in this window; the oldest go first. */
const MAX_KEPT_MESSAGES = 1000;
/** A member answers one history request per asker in this time. */
const HISTORY_ANSWER_GAP_MS = 2_000;
/** An unanswered history request is asked again after this long, a few times. */
const HISTORY_RETRY_MS = 5_000;
const HISTORY_ATTEMPTS = 5;

export type ChatRefusal =
  | ChatProblem
  /** A live message whose author is not the member whose connection delivered it. */
  | 'not-the-author'
  /** A live message signed under another name than the one the sender's connection gave. */
  | 'name-mismatch'
  /** A live message dated long before it arrived. */
  | 'stale'
  | 'too-fast'
  /** History nobody asked this member for. */
  | 'unsolicited-history'
  | 'history-too-often'
  /** A second, different message under an id its author already used: the first one stays. */
  | 'conflicting';

export interface RoomChatOptions {
  roomId: string;
  /** This member: the name its connection gives in the handshake, and its colour. */
  self: { name: string; color: string };
  /** Signs a new message with this member's identity key (main's identity service in the app). */
  sign(fields: ChatSignFields): Promise<SignedChatMessage>;
  /** The first refusal of each kind from each member, for the log; later ones are only counted. */
  onRefused?(reason: ChatRefusal, from: ChannelSender): void;
  now?: () => number;
}

export type ChatSend = { ok: true; sent: Promise<ChatMessage> } | { ok: false; reason: 'empty' | 'too-fast' };

export class RoomChat {
  private readonly signed = new Map<string, SignedChatMessage>();
  private lines: ChatMessage[] = [];
  private readonly off: Disposer[];
  private readonly sent = new Map<string, number[]>();
  /** History asked for, by member key: when, and how often. */
  private readonly asked = new Map<string, { at: number; attempts: number }>();
  private readonly answeredBy = new Set<string>();
  private readonly answeredAt = new Map<string, number>();
  private readonly reported = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly now: () => number;
  private readonly added = new Emitter<ChatMessage[]>();
  /** Refusals by reason since the chat started (tests and diagnostics). */
  readonly refused: Partial<Record<ChatRefusal, number>> = {};
  /** New messages, live or from history, once each, after they are in `messages()`. */
  readonly onDidAdd: Event<ChatMessage[]> = this.added.event;

  constructor(
    private readonly channel: RoomChannel,
    private readonly options: RoomChatOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.off = [
      channel.on(ChatTopic.message, (payload, from) => void this.onMessage(payload, from)),
      channel.on(ChatTopic.historyRequest, (payload, from) => this.onHistoryRequest(payload, from)),
      channel.on(ChatTopic.history, (payload, from) => void this.onHistory(payload, from)),
    ];
  }

  /** The room's messages, oldest first. */
  messages(): readonly ChatMessage[] {
    return this.lines;
  }

  /** Signs and sends a message from this member; refused at once when empty or too fast. */
  send(text: string): ChatSend {
    const trimmed = text.trim().slice(0, MAX_CHAT_CHARS);
    if (!trimmed) return { ok: false, reason: 'empty' };
    if (!this.withinRate(this.channel.selfKey)) return { ok: false, reason: 'too-fast' };
    const sent = this.options.sign({ roomId: this.options.roomId, name: this.options.self.name, color: this.options.self.color, text: trimmed }).then((message) => {
      const line = chatLine(message, this.options.self.name);
      if (this.disposed) return line;
      this.add([this.commit(message, this.options.self.name)]);
      this.channel.send(ChatTopic.message, message);
      return line;
    });
    return { ok: true, sent };
  }

  /**
   * Asks each member we have no history from (call it when the room's members change). A member
   * who left and came back is asked again: it may have heard messages we missed meanwhile.
   */
  syncHistory(): void {
    if (this.disposed) return;
    const present = new Set(this.channel.members().map((m) => m.key));
    for (const key of [...this.answeredBy]) if (!present.has(key)) this.answeredBy.delete(key);
    for (const key of [...this.asked.keys()]) if (!present.has(key)) this.asked.delete(key);
    const now = this.now();
    let waiting = false;
    for (const key of present) {
      if (this.answeredBy.has(key)) continue;
      const asked = this.asked.get(key);
      if (asked && (asked.attempts >= HISTORY_ATTEMPTS || now - asked.at < HISTORY_RETRY_MS)) {
        waiting ||= asked.attempts < HISTORY_ATTEMPTS;
        continue;
      }
      this.asked.set(key, { at: now, attempts: (asked?.attempts ?? 0) + 1 });
      this.channel.send(ChatTopic.historyRequest, {}, key);
      waiting = true;
    }
    // We may not have been admitted yet when we asked (our request then went nowhere): ask again.
    if (waiting && this.retryTimer === null) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.syncHistory();
      }, HISTORY_RETRY_MS);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.off.forEach((off) => off());
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.added.dispose();
  }

  private refuse(reason: ChatRefusal, from: ChannelSender): void {
    this.refused[reason] = (this.refused[reason] ?? 0) + 1;
    const once = `${from.key}/${reason}`;
    if (this.reported.has(once)) return;
    this.reported.add(once);
    this.options.onRefused?.(reason, from);
  }

  /** Sliding window per member; counts the message when it is let through. */
  private withinRate(key: string): boolean {
    const now = this.now();
    const recent = (this.sent.get(key) ?? []).filter((t) => now - t < CHAT_RATE.windowMs);
    if (recent.length >= CHAT_RATE.messages) {
      this.sent.set(key, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(key, recent);
    return true;
  }

  private async onMessage(payload: unknown, from: ChannelSender): Promise<void> {
    // Before the signature check, which costs more than the flood it would stop.
    if (!this.withinRate(from.key)) return this.refuse('too-fast', from);
    // Live, only the author's own connection speaks for it (a copy of a message we hold included).
    const claimed = typeof payload === 'object' && payload !== null ? (payload as { author?: unknown }).author : undefined;
    if (typeof claimed === 'string' && claimed !== from.key) return this.refuse('not-the-author', from);
    const message = await this.accept(payload, from);
    if (!message) return;
    if (message.name !== from.name) return this.refuse('name-mismatch', from);
    if (message.at < this.now() - MAX_CLOCK_SKEW_MS) return this.refuse('stale', from);
    this.add([this.commit(message, from.name, from)]);
  }

  private onHistoryRequest(payload: unknown, from: ChannelSender): void {
    if (!ChatHistoryRequestSchema.safeParse(payload).success) return this.refuse('malformed', from);
    const now = this.now();
    const last = this.answeredAt.get(from.key);
    if (last !== undefined && now - last < HISTORY_ANSWER_GAP_MS) return this.refuse('history-too-often', from);
    this.answeredAt.set(from.key, now);
    const recent = this.lines.slice(-CHAT_HISTORY_LIMIT).map((line) => this.signed.get(line.key)!);
    this.channel.send(ChatTopic.history, { messages: recent }, from.key);
  }

  private async onHistory(payload: unknown, from: ChannelSender): Promise<void> {
    if (!this.asked.has(from.key) || this.answeredBy.has(from.key)) return this.refuse('unsolicited-history', from);
    const parsed = ChatHistorySchema.safeParse(payload);
    if (!parsed.success) return this.refuse('malformed', from);
    this.asked.delete(from.key);
    this.answeredBy.add(from.key);
    const accepted = await Promise.all(parsed.data.messages.map((value) => this.accept(value, from)));
    this.add(accepted.map((message) => (message ? this.commit(message, this.nameOf(message), from) : null)));
  }

  /**
   * A message that is well formed, for this room, and signed by its author; null for an exact
   * copy of one we hold, and for a refused one (reported against the member who delivered it).
   */
  private async accept(value: unknown, from: ChannelSender): Promise<SignedChatMessage | null> {
    if (this.knownCopy(value) === 'same') return null;
    const checked = await checkChatMessage(value, this.options.roomId, this.now());
    if (checked.ok) return checked.message;
    this.refuse(checked.problem, from);
    return null;
  }

  /**
   * Keeps a checked message unless one with its author and id is here already (checked
   * concurrently, or heard from two members); the first one stays.
   */
  private commit(message: SignedChatMessage, name: string, from?: ChannelSender): ChatMessage | null {
    const held = this.signed.get(chatKey(message));
    if (held) {
      if (held.sig !== message.sig && from) this.refuse('conflicting', from);
      return null;
    }
    return this.insert(message, name);
  }

  /** 'same' for an exact copy of a message we hold (heard again: nothing to check). */
  private knownCopy(value: unknown): 'same' | 'other' {
    if (typeof value !== 'object' || value === null) return 'other';
    const v = value as Partial<SignedChatMessage>;
    if (typeof v.author !== 'string' || typeof v.id !== 'string') return 'other';
    const held = this.signed.get(chatKey({ author: v.author, id: v.id }));
    if (!held) return 'other';
    const same = (Object.keys(held) as Array<keyof SignedChatMessage>).every((k) => held[k] === v[k]) && Object.keys(v).length === Object.keys(held).length;
    return same ? 'same' : 'other';
  }

  /** The name a relayed message shows: its author's connection's, when the author is here now. */
  private nameOf(message: SignedChatMessage): string {
    if (message.author === this.channel.selfKey) return this.options.self.name;
    return this.channel.members().find((m) => m.key === message.author)?.name ?? message.name;
  }

  private insert(message: SignedChatMessage, name: string): ChatMessage {
    const line = chatLine(message, name);
    this.signed.set(line.key, message);
    const before = (a: ChatMessage) => a.at < line.at || (a.at === line.at && a.key < line.key);
    let at = this.lines.length;
    while (at > 0 && !before(this.lines[at - 1]!)) at--;
    const next = [...this.lines.slice(0, at), line, ...this.lines.slice(at)];
    for (const dropped of next.splice(0, Math.max(0, next.length - MAX_KEPT_MESSAGES))) this.signed.delete(dropped.key);
    this.lines = next;
    return line;
  }

  private add(lines: Array<ChatMessage | null>): void {
    const kept = lines.filter((line): line is ChatMessage => line !== null && this.signed.has(line.key));
    if (kept.length > 0 && !this.disposed) this.added.fire(kept);
  }
}
