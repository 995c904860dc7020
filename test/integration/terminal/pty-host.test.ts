import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FLOW_HIGH_WATERMARK_CHARS } from '../../../main/terminal/pty-sessions';
import { forkPtyHost, type PtyHostConnection } from '../../../main/terminal/pty-host-fork';
import type { PtyHostEvent, PtyHostRequest } from '../../../main/terminal/pty-host-protocol';
import { TerminalService } from '../../../main/terminal/terminal-service';

// Real ptys in a real pty host process (forked, as the browser host does): flow control across the
// process boundary, multibyte floods, and bad frames refused by the pty host itself.

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setUp() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-pty-host-'));
  const cwd = path.join(dir, 'work space');
  mkdirSync(cwd);
  const received = new Map<string, string[]>();
  const exits = new Map<string, { exitCode: number; signal?: number }>();
  const hostExits: string[] = [];
  const service = new TerminalService(
    {
      onData: (id, data) => received.set(id, [...(received.get(id) ?? []), data]),
      onExit: (id, exitCode, signal) => exits.set(id, { exitCode, signal }),
      onHostExit: (message) => hostExits.push(message),
    },
    () => cwd,
    () => '/bin/bash',
  );
  cleanups.push(() => {
    service.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const text = (id: string) => (received.get(id) ?? []).join('');
  const chars = (id: string) => (received.get(id) ?? []).reduce((n, d) => n + d.length, 0);
  return { service, cwd, received, exits, hostExits, text, chars };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('pty host process', () => {
  it('runs the shell in the workspace folder, in another process than main', async () => {
    const { service, cwd, text } = setUp();
    const term = await service.create({ cols: 100, rows: 30 });
    expect(term.cwd).toBe(cwd);
    const hostPid = service.hostPid();
    expect(hostPid).toBeGreaterThan(0);
    expect(hostPid).not.toBe(process.pid);
    service.write(term.id, 'echo "cwd=$(pwd) ppid=$PPID"\n');
    await expect.poll(() => text(term.id), { timeout: 15_000 }).toContain(`cwd=${cwd} ppid=${hostPid}`);
  });

  it('pauses a flood at the high watermark across the process boundary, and resumes on acknowledgement', async () => {
    const { service, chars, text } = setUp();
    const term = await service.create({ cols: 120, rows: 40 });
    const total = 3_000_000;
    service.write(term.id, `head -c ${total} /dev/zero | tr '\\0' x; echo; echo FLOOD-$((40+2))\n`);
    await expect.poll(() => chars(term.id), { timeout: 15_000 }).toBeGreaterThan(FLOW_HIGH_WATERMARK_CHARS);
    await sleep(700);
    const stalled = chars(term.id);
    await sleep(700);
    expect(chars(term.id)).toBe(stalled);
    // One read of slack past the mark, plus the batch in flight.
    expect(stalled).toBeLessThan(FLOW_HIGH_WATERMARK_CHARS + 200_000);

    let acked = 0;
    await expect
      .poll(
        () => {
          const now = chars(term.id);
          if (now > acked) {
            service.ack(term.id, now - acked);
            acked = now;
          }
          return text(term.id).includes('FLOOD-42\r\n');
        },
        { timeout: 60_000, interval: 10 },
      )
      .toBe(true);
    expect(chars(term.id)).toBeGreaterThan(total);
  });

  it('delivers a multibyte flood whole: no character is cut at a read, a batch or a pause', async () => {
    const { service, received, chars, text } = setUp();
    const term = await service.create({ cols: 120, rows: 40 });
    // 2-, 3- and 4-byte UTF-8 characters (the last one a surrogate pair in UTF-16), 600 000 bytes
    // of them with no newline, so reads of the pty fall at every offset inside a character.
    const unit = 'é€😀';
    const repeats = 60_000;
    service.write(term.id, `stty -onlcr; for i in $(seq 1 ${repeats / 1000}); do printf '${unit}%.0s' $(seq 1 1000); done; printf '\\nMB-DONE\\n'\n`);
    let acked = 0;
    await expect
      .poll(
        () => {
          const now = chars(term.id);
          if (now > acked) {
            service.ack(term.id, now - acked);
            acked = now;
          }
          return text(term.id).includes('MB-DONE\n');
        },
        { timeout: 90_000, interval: 10 },
      )
      .toBe(true);
    const all = text(term.id);
    expect(all).not.toContain('\uFFFD');
    expect(all).toContain(unit.repeat(repeats) + '\nMB-DONE');
    for (const piece of received.get(term.id)!) expect(piece).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
  });

  it('reports a shell that exits with its code', async () => {
    const { service, exits } = setUp();
    const term = await service.create({ cols: 80, rows: 24 });
    service.write(term.id, 'exit 7\n');
    await expect.poll(() => exits.get(term.id), { timeout: 15_000 }).toEqual({ exitCode: 7, signal: undefined });
    expect(service.list()).toEqual([]);
    expect(() => service.write(term.id, 'x')).toThrow(/not open/);
  });

  it('says plainly when a profile\'s shell is missing', async () => {
    const { service } = setUp();
    const missing = new TerminalService({ onData() {}, onExit() {}, onHostExit() {} }, () => os.tmpdir(), () => '/opt/nowhere/zsh');
    cleanups.push(() => missing.dispose());
    await expect(missing.create({ cols: 80, rows: 24 })).rejects.toThrow(/No shell at "\/opt\/nowhere\/zsh".*Pick another profile/);
    await expect(service.create({ cols: 80, rows: 24, shell: '/usr/bin/python3' })).rejects.toThrow(/not a shell listed in \/etc\/shells/);
  });
});

describe('pty host wire', () => {
  it('refuses malformed frames without touching any pty', async () => {
    const connection: PtyHostConnection = forkPtyHost();
    const events: PtyHostEvent[] = [];
    connection.onMessage((m) => events.push(m));
    cleanups.push(() => connection.kill());
    await expect.poll(() => events.some((e) => e.type === 'ready'), { timeout: 15_000 }).toBe(true);
    const bad: unknown[] = [
      { type: 'create', requestId: 1, id: 't1', shell: 'bash', args: [], cwd: '/', env: {}, cols: 80, rows: 24 },
      { type: 'create', requestId: 2, id: '../t1', shell: '/bin/sh', args: [], cwd: '/', env: {}, cols: 80, rows: 24 },
      { type: 'write', id: 't1', data: 'x', extra: true },
      { type: 'resize', id: 't1', cols: 1e9, rows: 24 },
      { type: 'spawn-anything', command: 'rm -rf /' },
      'not even an object',
    ];
    for (const frame of bad) connection.send(frame as never);
    await expect.poll(() => events.filter((e) => e.type === 'rejected').length, { timeout: 15_000 }).toBe(bad.length);
    expect(events.some((e) => e.type === 'reply')).toBe(false);
  });

  it('dispose resolves once the pty host process has ended (its container shells hung up), not before', async () => {
    const { service } = setUp();
    await service.create({ cols: 80, rows: 24 });
    const pid = service.hostPid()!;
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive()).toBe(true);
    await service.dispose();
    expect(alive()).toBe(false);
  });

  it('kills a shell that started after its create gave up waiting (it would run on, untracked)', async () => {
    const sent: PtyHostRequest[] = [];
    let onMessage: (message: PtyHostEvent) => void = () => {};
    const connection: PtyHostConnection = {
      pid: 1,
      send: (request) => void sent.push(request),
      onMessage: (listener) => void (onMessage = listener),
      onExit: () => {},
      kill: () => {},
    };
    const service = new TerminalService({ onData: () => {}, onExit: () => {}, onHostExit: () => {} }, () => os.tmpdir(), () => '/bin/bash', () => connection, 50);
    await expect(service.create({ cols: 80, rows: 24 })).rejects.toThrow(/did not start in time/);
    const create = sent.find((r) => r.type === 'create')!;
    expect(service.list()).toEqual([]);
    // Docker (or a loaded machine) answers late: the pty exists now, and nobody tracks it.
    onMessage({ type: 'reply', requestId: (create as { requestId: number }).requestId, ok: true, pid: 4242 });
    expect(sent.at(-1)).toEqual({ type: 'kill', id: (create as { id: string }).id });
  });
});
