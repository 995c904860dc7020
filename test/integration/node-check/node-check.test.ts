// The Node version check of issue 11: on a Node older than 22.12, npm scripts and `npm install`
// stop with one plain sentence (scripts) or npm's engine error (install) before anything native
// loads, and nothing in the checkout changes. Run with the machine's real old Node.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const checkScript = path.join(root, 'scripts/check-node.mjs');

/** The machine's own Node when it is older than 22.12 (Debian's Node 20 here), else null. */
function oldNode(): { path: string; version: string } | null {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const [major, minor] = version.slice(1).split('.').map(Number);
    if (major! < 22 || (major === 22 && minor! < 12)) return { path: candidate, version };
  }
  return null;
}
const old = oldNode();

describe('scripts/check-node.mjs', () => {
  it.skipIf(!old)('stops an old Node with one sentence naming its version and the provisioning command', () => {
    const r = spawnSync(old!.path, [checkScript], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.status).toBe(1);
    expect(r.signal).toBeNull();
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Node ${old!.version}`);
    expect(lines[0]).toContain('source scripts/provision-node.sh');
  });

  it('lets Node 22.12 or newer through without a word', () => {
    const r = spawnSync(process.execPath, [checkScript], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('judges versions by major and minor', async () => {
    const { nodeVersionProblem } = (await import(checkScript)) as { nodeVersionProblem: (v: string, p: string) => string | null };
    expect(nodeVersionProblem('v20.20.2', '/usr/bin/node')).toMatch(/Node v20\.20\.2 \(\/usr\/bin\/node\)/);
    expect(nodeVersionProblem('v22.11.0', 'node')).not.toBeNull();
    expect(nodeVersionProblem('v22.12.0', 'node')).toBeNull();
    expect(nodeVersionProblem('v24.1.0', 'node')).toBeNull();
  });

  it('runs first in every npm script', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const unchecked = Object.entries(pkg.scripts).filter(([, command]) => !command.startsWith('node scripts/check-node.mjs && '));
    expect(unchecked.map(([name]) => name)).toEqual([]);
  });
});

describe('npm on an old Node', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-node-check-'));
  for (const file of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(path.join(root, file), path.join(dir, file));
  copyFileSync(checkScript, path.join(dir, 'check-node.mjs'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // npm itself runs on the old Node, as it does for a user whose PATH finds that Node first.
  const oldPath = old ? `${path.dirname(old.path)}:${process.env.PATH}` : '';
  const npm = (args: string[]) =>
    spawnSync('npm', args, { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, PATH: oldPath, NODE_OPTIONS: '', npm_config_nodedir: '' } });

  for (const command of [['install'], ['ci']]) {
    it.skipIf(!old)(`npm ${command.join(' ')} refuses before touching node_modules or package-lock.json`, { timeout: 150_000 }, () => {
      const lockBefore = readFileSync(path.join(dir, 'package-lock.json'));
      const r = npm([...command, '--no-audit', '--no-fund']);
      expect(r.status, r.stdout + r.stderr).not.toBe(0);
      expect(r.signal).toBeNull();
      expect(r.stderr).toMatch(/EBADENGINE/);
      expect(r.stderr).toContain(old!.version);
      expect(r.stderr).toContain('source scripts/provision-node.sh');
      expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
      expect(readFileSync(path.join(dir, 'package-lock.json')).equals(lockBefore)).toBe(true);
    });
  }
});
