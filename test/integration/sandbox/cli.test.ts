// `codecrafter run` through the same engine: output, --json, and an exit status per verdict.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Docker from 'dockerode';
import { EXIT_STATUS } from '../../../main/cli/run';
import { SandboxService } from '../../../main/sandbox/service';
import { one } from './helpers';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'main/cli/index.ts');

function codecrafter(args: string[], cwd: string, input = '') {
  const r = spawnSync(tsx, [cli, ...args], { cwd, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('codecrafter run', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-cli-'));
  writeFileSync(path.join(dir, 'main.py'), 'import sys\nfrom helper import shout\nprint(shout(sys.stdin.read()))\n');
  writeFileSync(path.join(dir, 'helper.py'), 'def shout(s):\n    return s.strip().upper()\n');
  writeFileSync(path.join(dir, 'in.txt'), 'quiet words\n');
  writeFileSync(path.join(dir, 'fail.sh'), 'echo to stderr >&2\nexit 7\n');

  it('runs several files with stdin and exits 0 on ok', { timeout: 60_000 }, () => {
    const r = codecrafter(['run', 'main.py', 'helper.py', '--stdin', 'in.txt'], dir);
    expect(r.stdout).toBe('QUIET WORDS\n');
    expect(r.stderr).toMatch(/\[ok\]/);
    expect(r.status).toBe(0);
  });

  it('prints the verdict as JSON and exits with the runtime-error status', { timeout: 60_000 }, () => {
    const r = codecrafter(['run', 'fail.sh', '--json'], dir);
    const out = JSON.parse(r.stdout);
    expect(out.result.verdict).toBe('runtime-error');
    expect(out.result.exitCode).toBe(7);
    expect(out.stderr).toBe('to stderr\n');
    expect(r.status).toBe(EXIT_STATUS['runtime-error']);
  });

  it('exits with the time-limit status', { timeout: 60_000 }, () => {
    writeFileSync(path.join(dir, 'slow.sh'), 'sleep 30\n');
    const r = codecrafter(['run', 'slow.sh', '--time-limit', '300'], dir);
    expect(r.status).toBe(EXIT_STATUS['time-limit']);
  });

  it('refuses bad usage with status 2 and says why', () => {
    expect(codecrafter(['run', 'main.py', '--lang', 'cobol'], dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/unknown language/) });
    expect(codecrafter(['run', 'main.py', '--time-limit', 'soon'], dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/whole number/) });
    expect(codecrafter(['run'], dir).status).toBe(2);
  });
});

describe('codecrafter images', () => {
  it('builds only what is missing, reporting each image (all present here)', { timeout: 60_000 }, () => {
    const r = codecrafter(['images', '--quiet'], root);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => /^\[\d+\/8\] \S+: skipped \(already built\) codecrafter-sandbox\//.test(l))).toHaveLength(8);
    expect(lines.at(-1)).toMatch(/^sandbox images ready in \d+ s$/);
  });
});

describe('without Docker', () => {
  it('reports Docker as missing and fails runs with what to do, instead of crashing', async () => {
    const service = new SandboxService({ docker: new Docker({ socketPath: path.join(os.tmpdir(), 'no-docker-here.sock') }), warm: [] });
    const status = await service.status();
    expect(status.docker).toBe('missing');
    expect(status.message).toMatch(/Docker is not running/);
    const result = await service.run(one('python', 'main.py', 'print(1)')).result;
    expect(result.verdict).toBe('internal-error');
    expect(result.message).toMatch(/Docker is not running/);
    await service.dispose();
  });
});
