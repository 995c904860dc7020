// The service's edges against the real dockerd: bad requests are refused where they enter,
// leftovers of a crashed process are reaped at start, dispose leaves nothing, and the opt-in
// host runner gives the same verdict shape, labelled unsandboxed.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostError } from '../../../common/errors';
import { LANGUAGES } from '../../../common/languages';
import { MAX_FILE_BYTES } from '../../../common/file-limits';
import { parseRunRequest } from '../../../common/sandbox';
import { LABEL_OWNER, LABEL_SANDBOX, sandboxContainerOptions } from '../../../main/sandbox/container-spec';
import { SandboxService } from '../../../main/sandbox/service';
import { containersOf, docker, one, runToEnd, startService } from './helpers';

describe('bad requests', () => {
  const service = new SandboxService();
  afterAll(() => service.dispose());

  const refused: [string, unknown, RegExp][] = [
    ['unknown language', one('cobol' as never, 'main.cob', 'DISPLAY "HI".'), /unknown language/],
    ['no files', { language: 'python', files: [] }, /at least one file/],
    ['empty source', one('python', 'main.py', '   \n'), /entry file "main.py" is empty/],
    ['20 MB source', one('python', 'main.py', `# ${'x'.repeat(20 << 20)}`), new RegExp(`at most ${MAX_FILE_BYTES} bytes`)],
    ['".." in a path', one('python', '../main.py', 'print(1)'), /contains "\.\." and would leave the workspace/],
    ['an absolute path', one('python', '/etc/main.py', 'print(1)'), /the path is absolute/],
    ['a missing entry', { ...one('python', 'a.py', 'print(1)'), entry: 'b.py' }, /entry file "b.py" is not among the files/],
    ['a zero time limit', one('python', 'main.py', 'print(1)', { limits: { timeMs: 0 } }), /timeMs must be greater than zero/],
    ['a negative memory limit', one('python', 'main.py', 'print(1)', { limits: { memoryMb: -5 } }), /memoryMb must be greater than zero/],
    ['a huge time limit', one('python', 'main.py', 'print(1)', { limits: { timeMs: 10 ** 9 } }), /timeMs must be between/],
    ['a huge memory limit', one('python', 'main.py', 'print(1)', { limits: { memoryMb: 10 ** 6 } }), /memoryMb must be between/],
    ['a fractional limit', one('python', 'main.py', 'print(1)', { limits: { timeMs: 1.5 } }), /whole number/],
    ['an unknown limit', one('python', 'main.py', 'print(1)', { limits: { cpus: 64 } as never }), /cpus/],
    ['not an object', 'print(1)', /invalid run request/],
  ];
  it.each(refused)('refuses %s with a clear error where the request enters', (_, request, message) => {
    let error: unknown;
    try {
      parseRunRequest(request);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('invalid-argument');
    expect((error as HostError).message).toMatch(message);
  });

  it('refuses an unsandboxed run unless it was allowed, and always while a room is hosted', async () => {
    expect(() => service.run(one('python', 'main.py', 'print(1)', { unsandboxed: true }))).toThrow(/Running without a sandbox is off/);
    const hosting = new SandboxService({ unsandboxed: () => ({ allowed: true, hostingRoom: true }) });
    expect(() => hosting.run(one('python', 'main.py', 'print(1)', { unsandboxed: true }))).toThrow(/always sandboxed/);
    await hosting.dispose();
    expect(await containersOf(service)).toEqual([]);
  });
});

describe('containers', () => {
  let service: SandboxService;
  beforeAll(async () => {
    service = await startService({ warm: ['python'] });
  });
  afterAll(() => service?.dispose());

  it('sets every sandbox flag on the containers it makes', async () => {
    await runToEnd(service, one('python', 'main.py', 'print(1)'));
    let ids = await containersOf(service);
    for (let i = 0; i < 50 && ids.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ids = await containersOf(service);
    }
    const info = await docker.getContainer(ids[0]!).inspect();
    const h = info.HostConfig;
    expect(h.NetworkMode).toBe('none');
    expect(h.ReadonlyRootfs).toBe(true);
    expect(h.CapDrop).toEqual(['ALL']);
    expect(h.SecurityOpt).toEqual(['no-new-privileges']);
    expect(h.Init).toBe(true);
    expect(h.PidsLimit).toBeGreaterThan(0);
    expect(h.Memory).toBeGreaterThan(0);
    expect(h.MemorySwap).toBe(h.Memory);
    expect(h.NanoCpus).toBeGreaterThan(0);
    expect(h.Ulimits?.map((u) => u.Name).sort()).toEqual(['core', 'fsize', 'nofile']);
    expect(h.LogConfig?.Type).toBe('none');
    expect(Object.keys(h.Tmpfs ?? {}).sort()).toEqual(['/tmp', '/work']);
    expect(h.Tmpfs?.['/work']).toMatch(/(^|,)exec(,|$)/);
    expect(h.Tmpfs?.['/work']).toMatch(/size=\d+m/);
    expect(h.Binds ?? []).toEqual([]);
    expect(info.Mounts).toEqual([]);
    expect(info.Config.User).toBe('1000:1000');
  });

  it('raises and lowers the memory limit per run, past the warm container default', async () => {
    const grab = (mb: number) => one('python', 'main.py', `data = bytearray(${mb} << 20)\nprint(len(data) >> 20)\n`);
    // Memory is what is checked, not speed: touching 400 MB took over the default 5 s of wall time
    // while other suites loaded the machine.
    const big = await runToEnd(service, { ...grab(400), limits: { memoryMb: 768, timeMs: 20_000 } });
    expect(big.result.verdict, big.result.message).toBe('ok');
    expect(big.stdout).toBe('400\n');
    expect(big.result.peakMemoryKb).toBeGreaterThan(400 * 1024);
    const small = await runToEnd(service, { ...grab(400), limits: { memoryMb: 128, timeMs: 20_000 } });
    expect(small.result.verdict, small.result.message).toBe('memory-limit');
  });

  it('reaps containers left by a process that died, and keeps those of live ones', async () => {
    const image = (await service.status()).images.find((i) => i.language === 'python')!.tag!;
    const dead = spawnSync('true').pid; // a pid that has exited (and, here, is not reused)
    const orphan = await docker.createContainer(
      sandboxContainerOptions(image, { memoryMb: 64, pids: 16 }, { [LABEL_OWNER]: `${os.hostname()}:${dead}:crashed` }),
    );
    const other = new SandboxService();
    await other.start();
    const survivors = await docker.listContainers({ all: true, filters: { label: [`${LABEL_SANDBOX}=1`] } });
    expect(survivors.map((c) => c.Id)).not.toContain(orphan.id);
    // This service's own containers belong to a live process and were left alone.
    expect((await containersOf(service)).length).toBeGreaterThan(0);
    await other.dispose();
  });

  it('removes every container on dispose, including warm ones', async () => {
    const local = await startService({ warm: ['python', 'bash'], idlePerLanguage: 2 });
    await runToEnd(local, one('bash', 'main.sh', 'echo hi'));
    await local.dispose();
    expect(await containersOf(local)).toEqual([]);
    expect(() => local.run(one('bash', 'main.sh', 'echo hi'))).toThrow(/shut down/);
  });
});

describe('unsandboxed host runner (opt-in)', () => {
  const service = new SandboxService({ unsandboxed: () => ({ allowed: true, hostingRoom: false }) });
  afterAll(() => service.dispose());

  it('runs on the host with the same verdict shape, labelled unsandboxed', async () => {
    const { result, stdout } = await runToEnd(service, one('bash', 'main.sh', 'read x; echo "got $x"; exit 4', { stdin: 'it\n', unsandboxed: true }));
    expect(result.sandboxed).toBe(false);
    expect(result.message).toMatch(/UNSANDBOXED/);
    expect(result.verdict).toBe('runtime-error');
    expect(result.exitCode).toBe(4);
    expect(stdout).toBe('got it\n');
  });

  it('enforces the time and output limits and kills background children', async () => {
    const slow = await runToEnd(service, one('bash', 'main.sh', 'sleep 30', { unsandboxed: true, limits: { timeMs: 300 } }));
    expect(slow.result.verdict).toBe('time-limit');
    const loud = await runToEnd(service, one('bash', 'main.sh', 'yes', { unsandboxed: true, limits: { outputBytes: 10_000 } }));
    expect(loud.result.verdict).toBe('output-limit');
    expect(loud.stdout.length).toBeLessThanOrEqual(10_000);
  });

  it('compiles with the host toolchain when there is one', async () => {
    const hasGcc = spawnSync('gcc', ['--version']).status === 0;
    const { result, stdout } = await runToEnd(service, one('c', 'main.c', '#include <stdio.h>\nint main(void){puts("native");return 0;}', { unsandboxed: true }));
    if (hasGcc) {
      expect(result.verdict, result.message).toBe('ok');
      expect(stdout).toBe('native\n');
    } else {
      expect(result.verdict).toBe('internal-error');
      expect(result.message).toMatch(new RegExp(`${LANGUAGES.c.name} compiler is not installed`));
    }
  });
});
