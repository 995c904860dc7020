import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunRequest, type RunEvent, type RunRequestInput, type RunResult } from '../../../common/sandbox';
import { RoomContainerService } from '../../../main/room-container/room-container-service';
import type { SandboxService } from '../../../main/sandbox/service';
import { shIn } from '../room-container/container-exec';
import { docker, startService } from './helpers';

// Runs in a room's container (issue 10 item 3, "runs of the room can use it"), against the real
// dockerd and the real room image: what the room installed is there for the program, the run's
// own limits hold, and a stop (time limit, cancel, output limit) kills the program and only it —
// the container, its terminals and its files go on.

const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-room-run-'));
const scope = `folder:${path.join(dir, 'project')}`;
const rooms = new RoomContainerService(docker, path.join(dir, 'archives'));
let service: SandboxService;
let container = '';

beforeAll(async () => {
  mkdirSync(path.join(dir, 'project'));
  service = await startService();
  await rooms.create(scope, { languages: ['python', 'bash', 'c'], storage: 'volume' }, () => {});
  container = await rooms.runningId(scope);
}, 900_000);

afterAll(async () => {
  await service?.dispose();
  await rooms.remove(scope).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** A command in the room container as its user (what a room terminal would type), with its output. */
const inContainer = (cmd: string) => shIn(docker, container, cmd);

interface Finished {
  result: RunResult;
  stdout: string;
  stderr: string;
}

function run(input: RunRequestInput, where: { roomContainer?: string }, onEvent: (event: RunEvent, handle: { runId: string }) => void = () => {}): Promise<Finished> {
  const out = { stdout: '', stderr: '' };
  const request = parseRunRequest(input);
  let runId = '';
  const handle = service.run(
    request,
    (event) => {
      if (event.type === 'output' && event.phase === 'run') out[event.stream] += event.data;
      onEvent(event, { runId });
    },
    where,
  );
  runId = handle.runId;
  return handle.result.then((result) => ({ result, ...out }));
}

/** The room user's processes in the container other than the keep-alive and the listing itself. */
async function leftovers(): Promise<string[]> {
  const ps = await inContainer('ps -u 1000 -o pid=,args=');
  return ps
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/sleep infinity|ps -u 1000|sh -c ps -u 1000/.test(l));
}

describe('a run in the room container', () => {
  it('sees what the room installed (a module in the home, as pip install --user puts it), where a fresh sandbox does not', async () => {
    await inContainer('d=$(python3 -m site --user-site) && mkdir -p "$d" && echo "ANSWER = 42" > "$d/roommod.py"');
    const program = { language: 'python' as const, files: [{ path: 'main.py', content: 'import os, roommod\nprint("answer", roommod.ANSWER, "cwd", os.getcwd())\n' }] };
    const inRoom = await run(program, { roomContainer: container });
    expect(inRoom.result).toMatchObject({ verdict: 'ok', inRoomContainer: true, sandboxed: true });
    expect(inRoom.stdout).toMatch(/^answer 42 cwd \/tmp\/cc-run-[A-Za-z0-9-]+-run\n$/);
    const fresh = await run(program, {});
    expect(fresh.result.verdict).toBe('runtime-error');
    expect(fresh.result.inRoomContainer).toBeUndefined();
    expect(fresh.stderr).toContain("No module named 'roommod'");
    // The run's folder went with it; the home's module stays.
    expect(await inContainer('ls -d /tmp/cc-run-* /tmp/cc-build-* 2>/dev/null; echo end')).toBe('end\n');
  }, 120_000);

  it('compiles and runs C, stdin and the exit code included, and leaves no build folder', async () => {
    const c = '#include <stdio.h>\nint main(void) { int n; if (scanf("%d", &n) != 1) return 2; printf("twice %d\\n", 2 * n); return 3; }\n';
    const done = await run({ language: 'c', files: [{ path: 'main.c', content: c }], stdin: '21\n' }, { roomContainer: container });
    expect(done.result).toMatchObject({ verdict: 'runtime-error', exitCode: 3, inRoomContainer: true });
    expect(done.result.compile?.exitCode).toBe(0);
    expect(done.stdout).toBe('twice 42\n');
    await expect.poll(() => inContainer('ls -d /tmp/cc-run-* /tmp/cc-build-* 2>/dev/null; echo end'), { timeout: 10_000 }).toBe('end\n');
  }, 120_000);

  it('stops a program at its time limit, and kills only what the run started', async () => {
    const keeper = await docker.getContainer(container).exec({ Cmd: ['sleep', '300'], User: '1000:1000' });
    await keeper.start({ Detach: true });
    const slow = { language: 'python' as const, files: [{ path: 'main.py', content: 'import subprocess, time\nsubprocess.Popen(["sleep", "301"])\nprint("started", flush=True)\ntime.sleep(30)\n' }], limits: { timeMs: 1500 } };
    const done = await run(slow, { roomContainer: container });
    expect(done.result.verdict).toBe('time-limit');
    expect(done.stdout).toBe('started\n');
    // The program and the child it started are gone; another exec's process (a terminal's) is not.
    const left = await leftovers();
    expect(left.filter((l) => /sleep 301|main\.py/.test(l))).toEqual([]);
    expect(left.some((l) => /sleep 300/.test(l))).toBe(true);
    await inContainer('pkill -u 1000 -f "sleep 300"; true');
  }, 120_000);

  it('a cancel and the output limit stop the program in the container at once', async () => {
    const waiting = { language: 'python' as const, files: [{ path: 'main.py', content: 'import time\nprint("waiting", flush=True)\ntime.sleep(60)\n' }], limits: { timeMs: 30_000 } };
    const started = Date.now();
    const cancelled = await run(waiting, { roomContainer: container }, (event, handle) => {
      if (event.type === 'output' && event.data.includes('waiting')) service.cancel(handle.runId);
    });
    expect(cancelled.result.verdict).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(25_000);
    await expect.poll(async () => (await leftovers()).filter((l) => /main\.py/.test(l)), { timeout: 10_000 }).toEqual([]);

    const loud = { language: 'python' as const, files: [{ path: 'main.py', content: 'import sys\nwhile True:\n    sys.stdout.write("x" * 4096)\n' }], limits: { timeMs: 20_000, outputBytes: 64 * 1024 } };
    const stopped = await run(loud, { roomContainer: container });
    expect(stopped.result.verdict).toBe('output-limit');
    await expect.poll(async () => (await leftovers()).filter((l) => /main\.py/.test(l)), { timeout: 10_000 }).toEqual([]);
    // The container itself runs on, for the room's terminals and next runs.
    expect((await docker.getContainer(container).inspect() as Docker.ContainerInspectInfo).State.Running).toBe(true);
  }, 120_000);
});
