import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomContainerService } from '../../../main/room-container/room-container-service';
import { FLOW_HIGH_WATERMARK_CHARS } from '../../../main/terminal/pty-sessions';
import { TerminalService } from '../../../main/terminal/terminal-service';

// A terminal in a room container (issue 10 items 3 and 5): `docker exec` with a TTY made by the
// real pty host process, against the real dockerd — typing, resize seen by `stty size`, flow
// control, the exit code, and a clear message when the container is removed under the shell.

const docker = new Docker();
const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-container-term-'));
const scope = `folder:${path.join(dir, 'project')}`;
const rooms = new RoomContainerService(docker, path.join(dir, 'archives'));
const received = new Map<string, string>();
const exits = new Map<string, number>();
const terminals = new TerminalService(
  {
    onData: (id, data) => received.set(id, (received.get(id) ?? '') + data),
    onExit: (id, exitCode) => exits.set(id, exitCode),
    onHostExit: () => {},
  },
  () => dir,
  () => '/bin/bash',
);
let container = '';

beforeAll(async () => {
  mkdirSync(path.join(dir, 'project'));
  await rooms.create(scope, { languages: ['python', 'bash'], storage: 'volume' }, () => {});
  container = await rooms.runningId(scope);
}, 900_000);

afterAll(async () => {
  terminals.dispose();
  await rooms.remove(scope).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

const text = (id: string) => received.get(id) ?? '';

describe('room container terminal', () => {
  it('runs a shell in the container with a TTY; typing, resize and exit work as in a local one', async () => {
    const term = await terminals.createInContainer({ container, cols: 90, rows: 30, title: 'room container' });
    expect(term).toMatchObject({ shell: 'room container', cwd: '/workspace' });
    terminals.write(term.id, 'echo "in=$(pwd) user=$(id -u) tty=$(tty)"; stty size\r');
    await expect.poll(() => text(term.id), { timeout: 20_000 }).toMatch(/in=\/workspace user=1000 tty=\/dev\/pts\/\d+/);
    await expect.poll(() => text(term.id), { timeout: 20_000 }).toContain('30 90');
    terminals.resize(term.id, 132, 41);
    terminals.write(term.id, 'stty size\r');
    await expect.poll(() => text(term.id), { timeout: 20_000 }).toContain('41 132');
    terminals.write(term.id, 'exit 7\r');
    await expect.poll(() => exits.get(term.id), { timeout: 20_000 }).toBe(7);
  });

  it('pauses a flood from the container until the renderer acknowledges it', async () => {
    const term = await terminals.createInContainer({ container, cols: 120, rows: 40, title: 'room container' });
    terminals.write(term.id, "head -c 3000000 /dev/zero | tr '\\0' x; echo; echo DONE-$((40+2))\r");
    await expect.poll(() => text(term.id).length, { timeout: 20_000 }).toBeGreaterThan(FLOW_HIGH_WATERMARK_CHARS);
    await new Promise((r) => setTimeout(r, 1000));
    const stalled = text(term.id).length;
    await new Promise((r) => setTimeout(r, 700));
    expect(text(term.id).length).toBe(stalled);
    expect(stalled).toBeLessThan(FLOW_HIGH_WATERMARK_CHARS + 400_000);
    let acked = 0;
    await expect
      .poll(
        () => {
          const now = text(term.id).length;
          if (now > acked) terminals.ack(term.id, now - acked);
          acked = Math.max(acked, now);
          return text(term.id).includes('DONE-42');
        },
        { timeout: 60_000, interval: 20 },
      )
      .toBe(true);
    // Kill hangs the shell up from inside the container (Docker has no exec kill).
    terminals.kill(term.id);
    await expect.poll(() => exits.has(term.id), { timeout: 20_000 }).toBe(true);
  });

  it('hangs up its container shells when the pty host goes (Docker would keep them running)', { timeout: 120_000 }, async () => {
    const other = new TerminalService({ onData: () => {}, onExit: () => {}, onHostExit: () => {} }, () => dir, () => '/bin/bash');
    const term = await other.createInContainer({ container, cols: 80, rows: 24, title: 'room container' });
    const shells = async () => {
      const run = await docker.getContainer(container).exec({ Cmd: ['sh', '-c', 'ps -eo args | grep -c "^/bin/bash -l" || true'], AttachStdout: true });
      const stream = await run.start({ hijack: true, stdin: false });
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      await new Promise((resolve) => (stream.on('end', resolve), stream.on('close', resolve)));
      // Multiplexed stdout: an 8-byte header, then the count.
      return Number(Buffer.concat(chunks).subarray(8).toString().trim());
    };
    await expect.poll(shells, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(term.shell).toBe('room container');
    other.dispose();
    await expect.poll(shells, { timeout: 30_000 }).toBe(0);
  });

  it('says so when the container is removed under the shell', async () => {
    const term = await terminals.createInContainer({ container, cols: 80, rows: 24, title: 'room container' });
    terminals.write(term.id, 'echo ready-$((1+1))\r');
    await expect.poll(() => text(term.id), { timeout: 20_000 }).toContain('ready-2');
    await docker.getContainer(container).remove({ force: true });
    await expect.poll(() => exits.has(term.id), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => text(term.id), { timeout: 10_000 }).toMatch(/\[the room container (was removed|stopped): this terminal has ended\]/);
    await expect(terminals.createInContainer({ container, cols: 80, rows: 24, title: 'room container' })).rejects.toThrow(/room container was removed/);
  });
});
