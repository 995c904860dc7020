// The CLI end to end, as scripts use it: a real process, a real data dir.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTrace } from '../../../main/history';
import { TRACES, expectedTexts, tempDir } from './helpers';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('codecrafter history / replay', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const tracePath = path.join(TRACES, 'sveltecomponent.json.gz');
  const trace = loadTrace(tracePath);

  it('import-trace, list, replay --at, export and import', () => {
    const env = { CODECRAFTER_DATA_DIR: path.join(tmp.dir, 'data') };
    const imported = cli(['history', 'import-trace', tracePath, '--file', 'src/App.svelte'], env);
    expect(imported.stderr).toContain(`recorded ${trace.txns.length + 1} updates`);
    expect(imported.code).toBe(0);
    const id = imported.stdout.trim();
    expect(existsSync(path.join(tmp.dir, 'data', 'history.sqlite'))).toBe(true);

    const list = cli(['history', 'list', '--json'], env);
    expect(JSON.parse(list.stdout).map((s: { id: string }) => s.id)).toEqual([id]);

    const expected = expectedTexts(trace, [5000]);
    const at = cli(['replay', id.slice(0, 8), '--at', '5000', '--json'], env);
    expect(at.code).toBe(0);
    expect(JSON.parse(at.stdout)).toMatchObject({ sessionId: id, seq: 5000, files: { 'src/App.svelte': expected.get(5000) } });

    const text = cli(['replay', id, '--at', 'end'], env);
    expect(text.stdout).toBe(`==> src/App.svelte <==\n${trace.endContent}${trace.endContent.endsWith('\n') ? '' : '\n'}`);

    const file = path.join(tmp.dir, 'svelte.ccsession');
    expect(cli(['history', 'export', id, file], env).code).toBe(0);
    const other = path.join(tmp.dir, 'other.sqlite');
    const back = cli(['history', 'import', file, '--db', other]);
    expect(back.code).toBe(0);
    expect(back.stdout.trim()).toBe(id);
    const again = cli(['replay', id, '--at', 'end', '--json', '--db', other]);
    expect(JSON.parse(again.stdout).files['src/App.svelte']).toBe(trace.endContent);
  });

  it('fails clearly and writes nothing on bad input', () => {
    const dataDir = path.join(tmp.dir, 'bad');
    const missing = cli(['history', 'import-trace', path.join(tmp.dir, 'nope.json'), '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read trace .*\[not-found\]/);
    expect(existsSync(dataDir)).toBe(false);

    const noDb = cli(['replay', 'abc', '--at', '5', '--data-dir', dataDir]);
    expect(noDb.code).toBe(1);
    expect(noDb.stderr).toMatch(/no history database/);
    expect(existsSync(dataDir)).toBe(false);
    const usage = cli(['history', 'frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown command');
  });
});
