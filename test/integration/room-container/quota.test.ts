import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomContainerOverQuota } from '../../../common/contract-room-container';
import { QuotaWatch, type QuotaPassed } from '../../../main/room-container/quota-watch';
import { RoomContainerService } from '../../../main/room-container/room-container-service';
import { TerminalService } from '../../../main/terminal/terminal-service';
import type { RealHost } from '../renderer/real-host';
import { hostWithFolderContainer, shIn } from './container-exec';

// The room container's disk quota, enforced (issue 10 item 3), on the real dockerd with a real
// terminal in the container: the meter counts what the room's user hides, passing the quota stops
// every program in the container and keeps its files, runs are refused while it is over, writing
// more while over stops it again, and deleting files brings it back.

const docker = new Docker();
const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-room-quota-'));
const scope = `folder:${path.join(dir, 'project')}`;
const rooms = new RoomContainerService(docker, path.join(dir, 'archives'));
const exits = new Map<string, number>();
const terminals = new TerminalService(
  { onData: () => {}, onExit: (id, exitCode) => exits.set(id, exitCode), onHostExit: () => {} },
  () => dir,
  () => '/bin/bash',
);
const passed: QuotaPassed[] = [];
let container = '';
let watch: QuotaWatch;

const SLOW = { timeout: 60_000, interval: 250 };
const sh = (script: string) => shIn(docker, container, script);

describe('room container disk quota', () => {
  beforeAll(async () => {
    mkdirSync(path.join(dir, 'project'));
    await rooms.create(scope, { languages: ['python', 'bash'], storage: 'volume', quotaMb: 64 }, () => {});
    container = await rooms.runningId(scope);
    watch = new QuotaWatch(
      { containers: async () => (await rooms.runningRoomContainers()).filter((c) => c.id === container).map((c) => ({ ...c, active: true })), usedMb: (id) => rooms.usedMb(id), stopPrograms: (id) => rooms.stopPrograms(id) },
      (event) => passed.push(event),
      300,
    );
  }, 900_000);

  afterAll(async () => {
    watch?.dispose();
    await terminals.dispose();
    await rooms.remove(scope).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("counts the files the room's user hides from itself", { timeout: 120_000 }, async () => {
    expect(await sh('mkdir /workspace/hidden && head -c 20000000 /dev/zero > /workspace/hidden/f && chmod 000 /workspace/hidden && du -skx /workspace 2>/dev/null')).toMatch(/^\d+\t\/workspace\n$/);
    // The room's own du sees next to nothing of it; the meter sees all.
    expect(Number((await sh('du -skx /workspace 2>/dev/null')).split('\t')[0])).toBeLessThan(1024);
    expect(await rooms.usedMb(container)).toBeGreaterThanOrEqual(19);
    await sh('chmod 700 /workspace/hidden && rm -rf /workspace/hidden');
    expect(await rooms.usedMb(container)).toBeLessThan(5);
  });

  it('stops every program when the quota is passed, keeps the files, stops again on more, and lets go once under', { timeout: 300_000 }, async () => {
    const term = await terminals.createInContainer({ container, cols: 80, rows: 24, title: 'room container' });
    terminals.write(term.id, 'sleep 600 & head -c 70000000 /dev/zero > /workspace/big1; echo written\r');
    watch.start();

    await expect.poll(() => passed.length, SLOW).toBe(1);
    expect(passed[0]).toMatchObject({ scope, quotaMb: 64, stopped: true });
    expect(passed[0]!.usedMb).toBeGreaterThan(64);
    await expect.poll(() => exits.has(term.id), SLOW).toBe(true);
    // The container is back (empty of programs), with its files.
    expect((await docker.getContainer(container).inspect()).State.Running).toBe(true);
    expect(await sh('ls /workspace; pgrep -c sleep || true')).toBe('big1\n1\n');
    expect(watch.overQuota(container)).toMatchObject({ quotaMb: 64 });

    // Deleting part of it, still over: nothing is stopped; writing more is.
    const pid = (await sh('sleep 600 >/dev/null 2>&1 & echo $!')).trim();
    await sh('head -c 10000000 /dev/zero > /workspace/big2');
    await expect.poll(() => passed.length, SLOW).toBe(2);
    expect(await sh(`kill -0 ${pid} 2>&1 || echo gone`)).toMatch(/gone/);

    await sh('rm /workspace/big2 /workspace/big1');
    await expect.poll(() => watch.overQuota(container), SLOW).toBeUndefined();
    expect(passed).toHaveLength(2);
  });
});

// The same through the real host services, in this file so no other test's container over its
// quota is measured by this host's watch (it watches every room container) while it runs.
let host: RealHost;
let hostContainer = '';
const heard: RoomContainerOverQuota[] = [];

describe('room container quota, through the host', () => {
  let remove: () => Promise<void>;

  beforeAll(async () => {
    ({ host, container: hostContainer, remove } = await hostWithFolderContainer(
      { languages: ['python', 'bash'], storage: 'volume', quotaMb: 64 },
      { mainText: 'ran', host: { roomQuotaCheckMs: 300 }, beforeCreate: (h) => h.api.roomContainer.onDidPassQuota((event) => {
          if (event.scope === `folder:${h.project}`) heard.push(event);
        }) },
    ));
  }, 900_000);

  afterAll(() => remove?.(), 120_000);

  it('tells the page, refuses runs while over, opens a terminal to clean up, and runs again once under', { timeout: 300_000 }, async () => {
    await shIn(docker, hostContainer, 'head -c 70000000 /dev/zero > /workspace/big');
    await expect.poll(() => heard.length, SLOW).toBe(1);
    expect(heard[0]).toMatchObject({ quotaMb: 64, stopped: true });

    await expect(host.api.sandbox.run({ language: 'python', entry: 'main.py', roomContainer: {} })).rejects.toThrow(/uses \d+ MB of its 64 MB disk quota: delete files/);

    await host.api.roomContainer.openTerminal({ cols: 80, rows: 24 });
    expect(heard[1]).toMatchObject({ quotaMb: 64, stopped: false });

    // Runs go in again at once after the files are deleted (the refusal measures again).
    await shIn(docker, hostContainer, 'rm /workspace/big');
    const output: string[] = [];
    const done = new Promise<void>((resolve) =>
      host.api.sandbox.onDidRunEvent((event) => {
        if (event.type === 'output') output.push(event.data);
        if (event.type === 'done') resolve();
      }),
    );
    await host.api.sandbox.run({ language: 'python', entry: 'main.py', roomContainer: {} });
    await done;
    expect(output.join('')).toBe('ran\n');
    expect(heard).toHaveLength(2);
  });
});
