// The full attack (10,000 hostile frames, attack.ts) against our server as a separate process:
// it stays up, its memory stays bounded, it leaves nothing behind, and the honest pair relaying
// through it the whole time loses nothing. (The stock server's run is in BENCHMARKS.md.)
import { describe, expect, it } from 'vitest';
import { PHASES, PHASE_FRAMES, runAttack } from './attack';

describe('attack', () => {
  it('our server survives 10,000 malformed, oversized, binary, invalid-UTF-8 and topic-flood frames', async () => {
    const result = await runAttack('ours');
    expect(result.survived).toBe(true);
    expect(result.phases.map((p) => [p.phase, p.framesSent])).toEqual(PHASES.map((p) => [p, PHASE_FRAMES[p]]));
    expect(result.phases.reduce((n, p) => n + p.framesSent, 0)).toBe(10_000);
    // Every hostile category was seen and refused by the server itself.
    for (const reason of ['json', 'shape', 'too_large', 'binary', 'utf8', 'topic_limit']) {
      expect(result.serverCounters?.[`signal_drops_total{reason="${reason}"}`], reason).toBeGreaterThan(0);
    }
    expect(result.serverCounters?.['signal_messages_in_total{type="subscribe"}'] ?? 0).toBeGreaterThan(0);
    // Bounded: the flood of topics and 200 MiB of oversized frames do not stay in memory.
    expect(result.rssPeakMiB - result.rssStartMiB).toBeLessThan(200);
    expect(result.healthAfter).toMatchObject({ connections: 0, topics: 0 });
    // Honest clients unaffected: every publish they made during the attack arrived.
    expect(result.honest.sent).toBeGreaterThan(0);
    expect(result.honest.delivered).toBe(result.honest.sent);
    // Nothing the attacker sent into the honest room was relayed to the honest subscriber.
    expect(result.honest.junkMiB).toBe(0);
  }, 240_000);
});
