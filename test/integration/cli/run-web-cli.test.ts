// `codecrafter run`, `codecrafter web` and `codecrafter images` run in this process: real Docker
// sandboxes and the host runner for `run`, a real loopback server over a real data dir for `web`,
// the real dockerd for `images`. test/integration/sandbox/cli.test.ts runs some of the same as a
// child process; these cover the outputs and refusals it does not.
import { closeSync, ftruncateSync, mkdtempSync, mkdirSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../common/file-limits';
import images from '../../../main/cli/images';
import run, { EXIT_STATUS } from '../../../main/cli/run';
import web from '../../../main/cli/web';
import { readRecentLog } from '../../../main/log/log-service';
import { runCommand, startCommand } from './capture';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-cli-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const target = path.join(dir, name);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  return target;
};

describe('codecrafter run (in process)', () => {
  it('runs a program on this machine with --unsandboxed, feeding --stdin, and says it was not sandboxed', { timeout: 120_000 }, async () => {
    const main = file('echo/main.sh', 'read line\necho "$line" | tr a-z A-Z\n');
    const input = file('echo/in.txt', 'stressed\n');
    const r = await runCommand(run, [main, '--stdin', input, '--unsandboxed']);
    expect(r.code, r.stderr).toBe(EXIT_STATUS.ok);
    expect(r.stdout).toBe('STRESSED\n');
    expect(r.stderr).toMatch(/\n\[ok \(UNSANDBOXED\)\] UNSANDBOXED run on this machine\.; \d+ ms wall, /);
  });

  it('puts the compiler output in compileOutput with --json and exits with the compile-error status', { timeout: 180_000 }, async () => {
    const broken = file('c/main.c', 'int main(void) { return missing; }\n');
    const r = await runCommand(run, [broken, '--json']);
    expect(r.code, r.stderr).toBe(EXIT_STATUS['compile-error']);
    const out = JSON.parse(r.stdout);
    expect(out.result).toMatchObject({ verdict: 'compile-error', sandboxed: true });
    expect(out.compileOutput).toMatch(/missing/);
    expect(out.stdout).toBe('');
  });

  it('stops a program over --output-limit in the sandbox', { timeout: 180_000 }, async () => {
    const loud = file('loud/main.py', 'print("x" * 100000)\n');
    const r = await runCommand(run, [loud, '--output-limit', '1000', '--memory-limit', '128', '--time-limit', '10000']);
    expect(r.code, r.stderr).toBe(EXIT_STATUS['output-limit']);
    expect(r.stderr).toMatch(/\[output-limit\]/);
    expect(r.stdout.length).toBeLessThanOrEqual(1000);
  });

  it('refuses what it cannot run with status 2 and the reason, as text or JSON', async () => {
    const notes = file('notes.xyz', 'hello\n');
    expect(await runCommand(run, [notes])).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot tell the language of notes\.xyz; pass --lang/) });
    const json = await runCommand(run, [notes, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: 'cannot tell the language of notes.xyz; pass --lang' });

    const big = path.join(dir, 'big.py');
    writeFileSync(big, '');
    // A sparse file: its size is over the limit without writing 16 MB.
    const fd = openSync(big, 'r+');
    ftruncateSync(fd, MAX_FILE_BYTES + 1);
    closeSync(fd);
    expect(statSync(big).size).toBe(MAX_FILE_BYTES + 1);
    expect(await runCommand(run, [big])).toMatchObject({ code: 2, stderr: expect.stringMatching(/big\.py is \d+ bytes; a file may be at most/) });

    const py = file('ok.py', 'print(1)\n');
    expect(await runCommand(run, [py, '--memory-limit', 'lots'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--memory-limit must be a whole number, got "lots"/) });
    expect(await runCommand(run, [path.join(dir, 'absent.py')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/ENOENT/) });
    expect(await runCommand(run, [])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no files given/) });
    expect(await runCommand(run, ['--frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--frobnicate'/) });
    expect(await runCommand(run, ['-h'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: codecrafter run/) });
  });
});

describe('codecrafter web (in process)', () => {
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>CodeCrafter web CLI</title>');

  it('serves the IDE behind its token, logs to the data dir and stops on SIGINT', { timeout: 60_000 }, async () => {
    const dataDir = path.join(dir, 'web-data');
    const before = { SIGINT: new Set(process.rawListeners('SIGINT')), SIGTERM: new Set(process.rawListeners('SIGTERM')) };
    const added = (signal: 'SIGINT' | 'SIGTERM') => process.rawListeners(signal).filter((l) => !before[signal].has(l)) as (() => void)[];
    const { output, done } = startCommand(web, ['--port', '0', '--data-dir', dataDir, '--static-dir', staticDir]);
    // The command prints its URL once it listens, then waits for a signal.
    for (let i = 0; i < 1200 && !output.stdout.includes('Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 50));
    const url = /CodeCrafter is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)\n/.exec(output.stdout);
    expect(url, output.stdout + output.stderr).not.toBeNull();
    expect(output.stdout).toContain(`(data in ${dataDir}; logs in ${path.join(dataDir, 'logs')};`);

    // The token URL sets the cookie and comes back without the token; the cookie opens the page.
    const entry = await fetch(url![1]!, { redirect: 'manual' });
    expect(entry.status).toBe(302);
    const cookie = entry.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(`http://127.0.0.1:${url![2]}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('CodeCrafter web CLI');
    expect((await fetch(`http://127.0.0.1:${url![2]}/`)).status).toBe(401);

    expect(added('SIGINT')).toHaveLength(1);
    added('SIGINT')[0]!();
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    // The SIGTERM listener it added is left behind once SIGINT stopped it; this process goes on.
    for (const l of added('SIGTERM')) process.off('SIGTERM', l);

    expect(statSync(path.join(dataDir, 'logs')).mode & 0o777).toBe(0o700);
    const logged = readRecentLog(dataDir).text;
    expect(logged).toContain('starting the browser host');
    expect(logged).toContain('stopping the browser host');
    // Stopped: nothing listens on its port any more.
    await expect(fetch(url![1]!)).rejects.toThrow();
  });

  it('says which port is in use and exits 1', { timeout: 60_000 }, async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await runCommand(web, ['--port', String(port), '--data-dir', path.join(dir, 'busy-data'), '--static-dir', staticDir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`codecrafter web: cannot listen: port ${port} is in use; pass --port with another one`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a bad port, an unbuilt renderer and bad options, and warns before binding beyond loopback', async () => {
    expect(await runCommand(web, ['--port', '70000'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--port must be a whole number from 0 to 65535, not "70000"/) });
    expect(await runCommand(web, ['--port', 'http'])).toMatchObject({ code: 2 });
    expect(await runCommand(web, ['--verbose'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--verbose'/) });
    const unbuilt = await runCommand(web, ['--host', '0.0.0.0', '--static-dir', path.join(dir, 'nothing-here'), '--data-dir', path.join(dir, 'unused')]);
    expect(unbuilt.code).toBe(1);
    expect(unbuilt.stderr).toMatch(/WARNING: binding to 0\.0\.0\.0, not a loopback address/);
    expect(unbuilt.stderr).toMatch(/the renderer is not built \(.*nothing-here has no index\.html\)/);
    expect(await runCommand(web, ['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: codecrafter web/) });
  });
});

describe('codecrafter images (in process)', () => {
  it('reports every sandbox image as present and builds nothing', { timeout: 120_000 }, async () => {
    const r = await runCommand(images, ['--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^sandbox images ready in \d+ s$/);
    const reports = lines.slice(0, -1);
    expect(reports.length).toBeGreaterThan(0);
    for (const line of reports) expect(line).toMatch(/^\[\d+\/\d+\] \S+: skipped \(already built\) \S+ \[\d+s\]$/);
    expect(await runCommand(images, ['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: codecrafter images/) });
  });
});
