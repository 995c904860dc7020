import { z } from 'zod';
import type { Disposer } from '../../common/rpc';
import type { ChannelSender, RoomChannel } from '../collab/room-channel';
import { expire, extend, fromWire, marksCrossed, newTimer, pause, remaining, setDuration, setLocked, start, toWire, type TimerState } from './timer-model';
import { MAX_INTERVIEW_MS } from './timer-model';

// The shared interview clock over the room channel (issue 9). The interviewer owns it: every
// change is broadcast as `interview/timer`; a candidate (or anyone the membership log does not
// name interviewer or owner) cannot move it, and its timer messages are dropped. A member who
// joins later asks with `interview/timer-sync` and the interviewer answers it alone.

export const TIMER_TOPIC = 'interview/timer';
export const TIMER_SYNC_TOPIC = 'interview/timer-sync';

const TimerWireSchema = z
  .object({
    durationMs: z.number().int().min(0).max(MAX_INTERVIEW_MS),
    remainingMs: z.number().int().min(0).max(MAX_INTERVIEW_MS),
    running: z.boolean(),
    locked: z.boolean(),
    version: z.number().int().min(0),
  })
  .strict();

/** Roles whose clock messages count: the interviewer, and the room's owner (who started the interview). */
export function ownsClock(from: ChannelSender): boolean {
  return from.role === 'interviewer' || from.role === 'owner';
}

export interface TimerEvents {
  /** Any change: a new state, or the time moving on. */
  onChange(state: TimerState): void;
  /** The time left crossed 5 or 1 minutes (ms); both sides give it. */
  onWarning(markMs: number): void;
  /** A message was dropped (wrong role or shape), for the log. */
  onRefused?(reason: string, from: ChannelSender): void;
}

export class TimerSync {
  private state: TimerState;
  private readonly disposers: Disposer[] = [];
  private lastRemaining: number;

  constructor(
    private readonly channel: RoomChannel,
    readonly side: 'interviewer' | 'candidate',
    private readonly events: TimerEvents,
    private readonly now: () => number = Date.now,
    durationMs?: number,
  ) {
    this.state = newTimer(durationMs, now());
    this.lastRemaining = this.state.remainingMs;
    if (side === 'interviewer') {
      this.disposers.push(channel.on(TIMER_SYNC_TOPIC, (_payload, from) => this.channel.send(TIMER_TOPIC, toWire(this.state, this.now()), from.key)));
    } else {
      this.disposers.push(channel.on(TIMER_TOPIC, (payload, from) => this.receive(payload, from)));
      channel.send(TIMER_SYNC_TOPIC, {});
    }
  }

  current(): TimerState {
    return this.state;
  }

  remaining(): number {
    return remaining(this.state, this.now());
  }

  private receive(payload: unknown, from: ChannelSender): void {
    if (!ownsClock(from)) return this.events.onRefused?.(`a ${from.role} may not set the interview clock`, from);
    const parsed = TimerWireSchema.safeParse(payload);
    if (!parsed.success) return this.events.onRefused?.(`a malformed clock message: ${parsed.error.issues[0]?.message ?? ''}`, from);
    if (parsed.data.version < this.state.version) return;
    this.apply(fromWire(parsed.data, this.now()));
  }

  private apply(next: TimerState): void {
    this.state = next;
    this.lastRemaining = remaining(next, this.now());
    this.events.onChange(next);
  }

  private change(next: TimerState): void {
    if (next === this.state) return;
    this.apply(next);
    this.channel.send(TIMER_TOPIC, toWire(next, this.now()));
  }

  private requireInterviewer(): void {
    if (this.side !== 'interviewer') throw new Error('Only the interviewer runs the clock.');
  }

  start(): void {
    this.requireInterviewer();
    this.change(start(this.state, this.now()));
  }

  pause(): void {
    this.requireInterviewer();
    this.change(pause(this.state, this.now()));
  }

  extend(ms: number): void {
    this.requireInterviewer();
    this.change(extend(this.state, ms, this.now()));
  }

  setDuration(ms: number): void {
    this.requireInterviewer();
    this.change(setDuration(this.state, ms, this.now()));
  }

  /** Carries a clock over from an earlier TimerSync (the channel changed) and sends it to the room. */
  restore(previous: TimerState): void {
    this.requireInterviewer();
    const now = this.now();
    this.change({ ...previous, remainingMs: remaining(previous, now), anchor: now, version: Math.max(previous.version, this.state.version) + 1 });
  }

  setLocked(locked: boolean): void {
    this.requireInterviewer();
    this.change(setLocked(this.state, locked, this.now()));
  }

  /**
   * Called on every tick (about once a second): gives the warnings, and at zero stops the clock
   * and locks the pad. The candidate locks by itself at zero, so a lost message cannot keep the
   * pad open; the interviewer's unlock (a newer version) opens it again.
   */
  tick(): void {
    const now = this.now();
    const left = remaining(this.state, now);
    for (const mark of marksCrossed(this.lastRemaining, left)) this.events.onWarning(mark);
    this.lastRemaining = left;
    if (this.state.running && left <= 0) {
      const ended = expire(this.state, now);
      if (this.side === 'interviewer') this.change(ended);
      else this.apply({ ...ended, version: this.state.version });
    } else this.events.onChange(this.state);
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
  }
}
