// `codecrafter history` and `codecrafter replay` run in this process on a real SQLite history
// database: every subcommand, the text and JSON outputs, and each refusal with its exit status.
// (test/integration/history/cli.test.ts runs the same commands as a child process on a big trace.)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import history from '../../../main/cli/history';
import replay from '../../../main/cli/replay';
import { runCommand } from './capture';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-cli-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// seq 1 creates notes.txt with "a\n"; seq 2..4 are the three txns, one second apart.
const START = Date.parse('2024-03-01T10:00:00.000Z');
const trace = {
  startContent: 'a\n',
  endContent: 'abc\nxyz\n',
  txns: [
    { time: new Date(START).toISOString(), patches: [[1, 0, 'b']] },
    { time: new Date(START + 1000).toISOString(), patches: [[2, 0, 'c']] },
    { time: new Date(START + 2000).toISOString(), patches: [[4, 0, 'xyz\n']] },
  ],
};
const traceFile = path.join(dir, 'notes.json');
writeFileSync(traceFile, JSON.stringify(trace));
const db = path.join(dir, 'history.sqlite');

describe('codecrafter history (in process)', () => {
  let id = '';

  it('import-trace records the trace as a session and prints its id', async () => {
    const r = await runCommand(history, ['import-trace', traceFile, '--file', 'notes.txt', '--workspace', 'ws-1', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    id = r.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{8,}/);
    expect(r.stderr).toMatch(/^recorded 4 updates in \d+ ms\n$/);
  });

  it('list prints the session as text and as JSON, and filters by workspace', async () => {
    const text = await runCommand(history, ['list', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(id);
    expect(text.stdout).toMatch(/import\s+4 updates\s+ws-1\s+notes/);
    expect(text.stdout).toContain(new Date(START).toISOString());

    const json = await runCommand(history, ['list', '--json', '--db', db]);
    expect(JSON.parse(json.stdout)).toMatchObject([{ id, workspaceId: 'ws-1', kind: 'import', lastSeq: 4 }]);

    const other = await runCommand(history, ['list', '--workspace', 'ws-2', '--json', '--db', db]);
    expect(JSON.parse(other.stdout)).toEqual([]);
  });

  it('replay prints the files at an update number, a time offset and the end', async () => {
    const at2 = await runCommand(replay, [id.slice(0, 8), '--at', '2', '--db', db]);
    expect(at2.code).toBe(0);
    expect(at2.stdout).toBe('==> notes.txt <==\nab\n');
    expect(at2.stderr).toContain(`session ${id} at update 2`);

    const offset = await runCommand(replay, [id, '--at', '+1s', '--json', '--db', db]);
    expect(JSON.parse(offset.stdout)).toMatchObject({ sessionId: id, seq: 3, files: { 'notes.txt': 'abc\n' } });

    const end = await runCommand(replay, [id, '--at', 'end', '--json', '--db', db]);
    expect(JSON.parse(end.stdout)).toMatchObject({ seq: 4, files: { 'notes.txt': 'abc\nxyz\n' } });
  });

  it('replay --diff-from prints what changed between two points', async () => {
    const text = await runCommand(replay, [id, '--diff-from', '1', '--at', 'end', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('modified notes.txt (+6 -0)\n');

    const json = await runCommand(replay, [id, '--diff-from', '2', '--at', '3', '--json', '--db', db]);
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({ sessionId: id, diffs: [{ path: 'notes.txt', status: 'modified', inserted: 1, deleted: 0 }] });
    expect(out.from.seq).toBe(2);
    expect(out.to.seq).toBe(3);
  });

  it('export writes a checksummed file that import reads back, as the same id or a new one', async () => {
    const file = path.join(dir, 'notes.ccsession');
    const exported = await runCommand(history, ['export', id, file, '--json', '--db', db]);
    expect(exported.code, exported.stderr).toBe(0);
    const info = JSON.parse(exported.stdout);
    expect(info).toMatchObject({ sessionId: id, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(info.bytes).toBeGreaterThan(0);

    const other = path.join(dir, 'other.sqlite');
    const back = await runCommand(history, ['import', file, '--db', other]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout.trim()).toBe(id);
    const copy = await runCommand(history, ['import', file, '--new-id', '--db', other]);
    expect(copy.code, copy.stderr).toBe(0);
    const copyId = copy.stdout.trim();
    expect(copyId).not.toBe(id);
    const replayed = await runCommand(replay, [copyId, '--at', 'end', '--json', '--db', other]);
    expect(JSON.parse(replayed.stdout).files).toEqual({ 'notes.txt': 'abc\nxyz\n' });

    // Two sessions now: an empty prefix names neither.
    const ambiguous = await runCommand(replay, ['', '--at', 'end', '--db', other]);
    expect(ambiguous).toMatchObject({ code: 2, stderr: expect.stringMatching(/ambiguous \(2 sessions\) \[invalid-input\]/) });
  });

  it('prune deletes the sessions idle for longer than the given days', async () => {
    const pruneDb = path.join(dir, 'prune.sqlite');
    expect((await runCommand(history, ['import-trace', traceFile, '--db', pruneDb])).code).toBe(0);
    const kept = await runCommand(history, ['prune', '--older-than', '100000', '--json', '--db', pruneDb]);
    expect(JSON.parse(kept.stdout)).toEqual({ deleted: [] });
    const pruned = await runCommand(history, ['prune', '--older-than', '0', '--db', pruneDb]);
    expect(pruned).toMatchObject({ code: 0, stdout: 'deleted 1 session(s)\n' });
    expect(JSON.parse((await runCommand(history, ['list', '--json', '--db', pruneDb])).stdout)).toEqual([]);
  });

  it('refuses wrong arguments with status 2 and the usage', async () => {
    for (const argv of [
      ['list', 'extra'],
      ['export', id],
      ['import'],
      ['import-trace'],
      ['prune'],
      ['prune', '--older-than=-1'],
      ['prune', '--older-than', 'soon'],
    ]) {
      const r = await runCommand(history, [...argv, '--db', db]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/wrong arguments\n\nusage: codecrafter history/);
    }
    expect(await runCommand(history, ['frobnicate', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command 'frobnicate'/) });
    expect(await runCommand(history, ['--bogus'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--bogus'/) });
    expect(await runCommand(history, [])).toMatchObject({ code: 2, stdout: expect.stringMatching(/^usage: codecrafter history/) });
    expect(await runCommand(history, ['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: codecrafter history/) });
  });

  it('a bad trace fails with its reason and creates no database', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...trace, txns: [{ patches: [[99, 0, 'x']] }] }));
    const badDb = path.join(dir, 'bad.sqlite');
    const r = await runCommand(history, ['import-trace', bad, '--db', badDb]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/txns\[0\]\.patches\[0\] = \[99, 0\] is outside the text .*\[invalid-trace\]/);
    expect(existsSync(badDb)).toBe(false);
  });

  it('replay refuses a bad point, an unknown session, a missing database and bad usage', async () => {
    expect(await runCommand(replay, [id, '--at', 'yesterday', '--db', db])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--at "yesterday": give an update number.*\[invalid-input\]/),
    });
    expect(await runCommand(replay, ['ffffffff', '--at', 'end', '--db', db])).toMatchObject({ code: 1, stderr: expect.stringMatching(/no session ffffffff .*\[not-found\]/) });
    const missing = path.join(dir, 'missing.sqlite');
    expect(await runCommand(replay, [id, '--at', 'end', '--db', missing])).toMatchObject({ code: 1, stderr: expect.stringMatching(/no history database at .*missing\.sqlite/) });
    expect(existsSync(missing)).toBe(false);
    expect((await runCommand(replay, [id, '--db', db])).code).toBe(2);
    expect((await runCommand(replay, ['--nope'])).code).toBe(2);
    expect(await runCommand(replay, ['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: codecrafter replay/) });
  });
});
