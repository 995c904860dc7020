import { afterEach, describe, expect, it } from 'vitest';
import { FLOW_HIGH_WATERMARK_CHARS, TerminalService } from './terminal-service';

// Real ptys running a real shell: the flow control that keeps a flood of output from filling
// main's memory when the renderer cannot draw as fast.

let service: TerminalService | undefined;
afterEach(() => service?.dispose());

function setUp() {
  const received = new Map<string, string[]>();
  const exits = new Map<string, number>();
  service = new TerminalService(
    {
      onData: (id, data) => received.set(id, [...(received.get(id) ?? []), data]),
      onExit: (id, code) => exits.set(id, code),
    },
    () => process.cwd(),
    () => '/bin/sh',
  );
  const chars = (id: string) => (received.get(id) ?? []).reduce((n, d) => n + d.length, 0);
  return { service, received, exits, chars };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('terminal flow control', () => {
  it('pauses a flooding program until the renderer acknowledges, then lets it finish', async () => {
    const { service, chars, exits } = setUp();
    const term = service.create(120, 40);
    const total = 2_000_000;
    service.write(term.id, `head -c ${total} /dev/zero | tr '\\0' x; echo; echo FLOOD-DONE\n`);

    // Unacknowledged, the pty stops soon after the high watermark (one read of slack).
    await expect.poll(() => chars(term.id), { timeout: 10_000 }).toBeGreaterThan(FLOW_HIGH_WATERMARK_CHARS);
    await sleep(500);
    const stalled = chars(term.id);
    await sleep(500);
    expect(chars(term.id)).toBe(stalled);
    expect(stalled).toBeLessThan(FLOW_HIGH_WATERMARK_CHARS + 200_000);

    // Acknowledging what was drawn lets the rest through.
    let acked = 0;
    await expect
      .poll(
        () => {
          const now = chars(term.id);
          if (now > acked) {
            service.ack(term.id, now - acked);
            acked = now;
          }
          return now;
        },
        { timeout: 30_000, interval: 20 },
      )
      .toBeGreaterThan(total);
    service.kill(term.id);
    await expect.poll(() => exits.has(term.id)).toBe(true);
  });

  it('keeps terminals apart and refuses unknown ids', async () => {
    const { service, received } = setUp();
    const a = service.create(80, 24);
    const b = service.create(80, 24);
    expect(a.id).not.toBe(b.id);
    service.write(a.id, 'echo only-in-a\n');
    await expect.poll(() => (received.get(a.id) ?? []).join('')).toContain('only-in-a');
    expect((received.get(b.id) ?? []).join('')).not.toContain('only-in-a');
    expect(() => service.write('t999', 'x')).toThrow(/not open/);
    expect(service.list().map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
  });
});
