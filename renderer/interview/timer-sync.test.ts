import { describe, expect, it } from 'vitest';
import { channelPair, type ChannelSender } from '../collab/room-channel';
import { formatClock, marksCrossed, remaining } from './timer-model';
import { TIMER_TOPIC, TimerSync } from './timer-sync';

// The shared clock between an interviewer and a candidate over the room channel (in memory; the
// transport itself is tested over WebRTC). Each side has its own clock, set apart by an hour, to
// show that the countdown does not depend on the machines agreeing on the time.

const interviewer: ChannelSender = { key: 'a'.repeat(64), fingerprint: 'aaaa', name: 'Ivy', role: 'interviewer' };
const candidate: ChannelSender = { key: 'b'.repeat(64), fingerprint: 'bbbb', name: 'Cal', role: 'candidate' };
const knocking: ChannelSender = { key: 'c'.repeat(64), fingerprint: 'cccc', name: 'Eve', role: 'knocking' };

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(duration = 10 * 60_000, peers = [interviewer, candidate]) {
  const clock = { t: 1_000_000 };
  const [ic, cc, ...rest] = channelPair(...peers);
  const warnings: Array<[string, number]> = [];
  const refused: string[] = [];
  const make = (channel: typeof ic, side: 'interviewer' | 'candidate', skew: number, who: string) =>
    new TimerSync(channel!, side, { onChange: () => {}, onWarning: (m) => warnings.push([who, m]), onRefused: (r) => refused.push(r) }, () => clock.t + skew, duration);
  const iv = make(ic, 'interviewer', 0, 'interviewer');
  const cand = make(cc, 'candidate', 3_600_000, 'candidate');
  return { clock, iv, cand, ic: ic!, cc: cc!, rest, warnings, refused };
}

describe('TimerSync', () => {
  it('shows the same time left on both sides through start, pause and extend', async () => {
    const { clock, iv, cand } = setup();
    iv.start();
    await flush();
    clock.t += 90_000;
    expect(iv.remaining()).toBe(8.5 * 60_000);
    expect(cand.remaining()).toBe(iv.remaining());
    iv.pause();
    await flush();
    clock.t += 60_000;
    expect(cand.remaining()).toBe(8.5 * 60_000);
    expect(cand.current().running).toBe(false);
    iv.extend(5 * 60_000);
    iv.start();
    await flush();
    clock.t += 30_000;
    expect(cand.remaining()).toBe(13 * 60_000);
    expect(cand.remaining()).toBe(iv.remaining());
    expect(cand.current().durationMs).toBe(15 * 60_000);
  });

  it('a member who joins later asks and gets the running clock', async () => {
    const clock = { t: 5_000 };
    const [ic, cc] = channelPair(interviewer, candidate);
    const iv = new TimerSync(ic!, 'interviewer', { onChange: () => {}, onWarning: () => {} }, () => clock.t, 600_000);
    iv.start();
    clock.t += 100_000;
    const late = new TimerSync(cc!, 'candidate', { onChange: () => {}, onWarning: () => {} }, () => clock.t, 600_000);
    await flush();
    await flush();
    expect(late.current().running).toBe(true);
    expect(late.remaining()).toBe(500_000);
  });

  it("ignores a candidate's and a knocking peer's timer messages, and malformed ones", async () => {
    const hostile: ChannelSender = { key: 'd'.repeat(64), fingerprint: 'dddd', name: 'Mal', role: 'candidate' };
    const { clock, iv, cand, rest, refused } = setup(10 * 60_000, [interviewer, candidate, hostile, knocking]);
    iv.start();
    await flush();
    // Another candidate, and a peer without a role, try to stop and refill the clock for everyone.
    const forged = { durationMs: 60 * 60_000, remainingMs: 60 * 60_000, running: false, locked: false, version: 99 };
    rest[0]!.send(TIMER_TOPIC, forged);
    rest[1]!.send(TIMER_TOPIC, forged);
    await flush();
    clock.t += 60_000;
    expect(iv.remaining()).toBe(9 * 60_000);
    expect(cand.remaining()).toBe(9 * 60_000);
    expect(refused).toEqual(['a candidate may not set the interview clock', 'a knocking may not set the interview clock']);
    // A candidate cannot call the interviewer's controls either.
    expect(() => cand.pause()).toThrow(/Only the interviewer/);
  });

  it('refuses a malformed clock message from the interviewer', async () => {
    const { ic, cand, refused } = setup();
    ic.send(TIMER_TOPIC, { remainingMs: -5, running: 'yes' });
    await flush();
    expect(refused[0]).toMatch(/malformed/);
    expect(cand.current().running).toBe(false);
  });

  it('warns at 5 and at 1 minute on both sides, then locks the pad at zero; the interviewer unlocks it', async () => {
    const { clock, iv, cand, warnings } = setup(6 * 60_000);
    iv.start();
    await flush();
    for (let i = 0; i < 6 * 60 + 5; i++) {
      clock.t += 1000;
      iv.tick();
      cand.tick();
      await flush();
    }
    expect(warnings).toEqual([
      ['interviewer', 300_000],
      ['candidate', 300_000],
      ['interviewer', 60_000],
      ['candidate', 60_000],
    ]);
    expect(iv.current().locked).toBe(true);
    expect(cand.current().locked).toBe(true);
    expect(cand.remaining()).toBe(0);
    iv.setLocked(false);
    await flush();
    expect(cand.current().locked).toBe(false);
    iv.extend(2 * 60_000);
    iv.start();
    await flush();
    expect(cand.current().running).toBe(true);
    expect(cand.remaining()).toBe(2 * 60_000);
  });

  it('the candidate locks by itself at zero even when the end message is lost', async () => {
    const { clock, iv, cand } = setup(60_000);
    iv.start();
    await flush();
    iv.dispose();
    clock.t += 61_000;
    cand.tick();
    expect(cand.current().locked).toBe(true);
    expect(remaining(cand.current(), clock.t + 3_600_000)).toBe(0);
  });
});

describe('timer model', () => {
  it('formats and finds crossed marks', () => {
    expect(formatClock(45 * 60_000)).toBe('45:00');
    expect(formatClock(61_001)).toBe('1:02');
    expect(formatClock(2 * 3600_000 + 5000)).toBe('2:00:05');
    expect(marksCrossed(301_000, 299_000)).toEqual([300_000]);
    expect(marksCrossed(400_000, 30_000)).toEqual([300_000, 60_000]);
    expect(marksCrossed(299_000, 298_000)).toEqual([]);
  });
});
