import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLOW_HIGH_WATERMARK_CHARS, OUTPUT_BATCH_MS, PtySessions, REPLAY_CHARS, replayTail } from './pty-sessions';
import type { TerminalProcess } from './terminal-process';

// Real ptys running a real shell, in this process: the flow control that keeps a flood of output
// from filling memory when the renderer cannot draw as fast. (Through the pty host process:
// test/integration/terminal.)

let sessions: PtySessions | undefined;
afterEach(() => sessions?.dispose());

function setUp() {
  const received = new Map<string, string[]>();
  const exits = new Map<string, number>();
  sessions = new PtySessions({
    onData: (id, data) => received.set(id, [...(received.get(id) ?? []), data]),
    onExit: (id, code) => exits.set(id, code),
  });
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm-256color' };
  const open = (id: string) => (sessions!.create({ id, shell: '/bin/sh', args: [], cwd: process.cwd(), env, cols: 120, rows: 40 }), id);
  const chars = (id: string) => (received.get(id) ?? []).reduce((n, d) => n + d.length, 0);
  return { sessions, open, received, exits, chars };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A program behind our TerminalProcess interface whose output the test drives by hand. */
function scripted(onData: (listener: (data: string) => void) => void, setPaused: (paused: boolean) => void = () => {}): TerminalProcess {
  return {
    pid: 1,
    write: () => {},
    resize: () => {},
    pause: () => setPaused(true),
    resume: () => setPaused(false),
    kill: () => undefined,
    onData,
    onExit: () => {},
  };
}

describe('pty sessions', () => {
  it('pauses a flooding program until the renderer acknowledges, then lets it finish', async () => {
    const { sessions, open, chars, exits } = setUp();
    const id = open('t1');
    const total = 2_000_000;
    sessions.write(id, `head -c ${total} /dev/zero | tr '\\0' x; echo; echo FLOOD-DONE\n`);

    // Unacknowledged, the pty stops soon after the high watermark (one read of slack).
    await expect.poll(() => chars(id), { timeout: 10_000 }).toBeGreaterThan(FLOW_HIGH_WATERMARK_CHARS);
    await sleep(500);
    const stalled = chars(id);
    await sleep(500);
    expect(chars(id)).toBe(stalled);
    expect(stalled).toBeLessThan(FLOW_HIGH_WATERMARK_CHARS + 200_000);

    // Acknowledging what was drawn lets the rest through.
    let acked = 0;
    await expect
      .poll(
        () => {
          const now = chars(id);
          if (now > acked) {
            sessions.ack(id, now - acked);
            acked = now;
          }
          return now;
        },
        { timeout: 30_000, interval: 20 },
      )
      .toBeGreaterThan(total);
    sessions.kill(id);
    await expect.poll(() => exits.has(id)).toBe(true);
  });

  it('sends output after a quiet spell at once (an echo), and batches what follows it', () => {
    // The clock is the test's: on a loaded machine, real time between two calls can pass the interval.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      let emit: (data: string) => void = () => {};
      const received: string[] = [];
      sessions = new PtySessions({ onData: (_id, data) => received.push(data), onExit: () => {} });
      sessions.adopt('t1', scripted((listener) => (emit = listener)));
      emit('a');
      expect(received).toEqual(['a']); // a keystroke's echo does not wait for the batch timer
      vi.advanceTimersByTime(1);
      emit('b');
      emit('c');
      expect(received).toEqual(['a']); // a burst right behind it is gathered
      vi.advanceTimersByTime(OUTPUT_BATCH_MS);
      expect(received).toEqual(['a', 'bc']);
      vi.advanceTimersByTime(OUTPUT_BATCH_MS * 3);
      emit('d');
      expect(received).toEqual(['a', 'bc', 'd']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends what it holds at once when it pauses, without waiting for the batch timer', () => {
    let emit: (data: string) => void = () => {};
    let paused = false;
    const received: string[] = [];
    sessions = new PtySessions({ onData: (_id, data) => received.push(data), onExit: () => {} });
    sessions.adopt('t1', scripted((listener) => (emit = listener), (p) => (paused = p)));
    const piece = 'x'.repeat(4096);
    emit(piece);
    emit(piece);
    expect(received.length).toBe(1); // below the mark, the second piece is batched
    while (!paused) emit(piece);
    // Nothing more can come until the renderer acknowledges, so the batch goes now (no 5 ms wait per window).
    expect(received.join('').length).toBeGreaterThan(FLOW_HIGH_WATERMARK_CHARS);
    sessions.ack('t1', received.join('').length);
    expect(paused).toBe(false);
  });

  it('keeps terminals apart and refuses unknown ids', async () => {
    const { sessions, open, received } = setUp();
    const a = open('t1');
    const b = open('t2');
    sessions.write(a, 'echo only-in-a\n');
    await expect.poll(() => (received.get(a) ?? []).join('')).toContain('only-in-a');
    expect((received.get(b) ?? []).join('')).not.toContain('only-in-a');
    expect(() => sessions.write('t999', 'x')).toThrow(/not open/);
    expect(() => open('t1')).toThrow(/already exists/);
    expect(sessions.ids().sort()).toEqual([a, b].sort());
  });
});

describe('the recent output a view that opens later gets', () => {
  it('keeps the last REPLAY_CHARS, from a line start when one is near, never half a surrogate pair', () => {
    expect(replayTail('short')).toBe('short');
    const lines = Array.from({ length: 10_000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\r\n');
    const tail = replayTail(lines);
    expect(tail.length).toBeLessThanOrEqual(REPLAY_CHARS);
    expect(tail.length).toBeGreaterThan(REPLAY_CHARS - 100);
    expect(tail).toMatch(/^line \d+ x+\r\n/);
    expect(lines.endsWith(tail)).toBe(true);
    // No newline near the cut: cut where it falls, but not between the halves of an emoji.
    const emoji = '\u{1F600}'.repeat(REPLAY_CHARS);
    const cut = replayTail(emoji);
    expect(cut.codePointAt(0)).toBe(0x1f600);
    expect(cut.length).toBeLessThanOrEqual(REPLAY_CHARS);
  });

  it('asks the program to redraw for a second view (a reload), at the size it had, and not for the first', async () => {
    const { sessions, open, received } = setUp();
    const id = open('t1');
    const text = () => (received.get(id) ?? []).join('');
    // A program in the foreground (it gets the tty's SIGWINCH) that prints the size it then sees.
    sessions.write(id, `sh -c 'trap "echo winch \\$(stty size)" WINCH; echo READY; while :; do sleep 0.05; done'\n`);
    await expect.poll(() => text(), { timeout: 10_000 }).toMatch(/READY\r?\n/);

    sessions.replay(id); // a new tab's view
    await sleep(500);
    expect(text()).not.toMatch(/winch \d+ \d+/);

    sessions.replay(id); // the page reloaded: full-screen programs redraw
    await expect.poll(() => text(), { timeout: 10_000 }).toMatch(/winch 40 120/);
    expect(text().match(/winch (\d+ \d+)/g)?.at(-1)).toBe('winch 40 120');
  });
});
