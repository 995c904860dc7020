import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PATH_LENGTH } from '../../common/paths';
import { tarFiles } from './tar';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function extract(archive: Buffer, name: string): string {
  writeFileSync(path.join(dir, `${name}.tar`), archive);
  const out = path.join(dir, name);
  mkdirSync(out);
  const result = spawnSync('tar', ['-x', '-f', path.join(dir, `${name}.tar`), '-C', out], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return out;
}

describe('tarFiles', () => {
  it('writes an archive that GNU tar extracts with folders, long names and UTF-8 intact', async () => {
    const long = `${'deep/'.repeat(30)}file.txt`;
    const files = [
      { path: 'main.py', content: 'print("hi")\n' },
      { path: 'pkg/sub/ünï.txt', content: 'ünïcödé ✓' },
      { path: long, content: 'x'.repeat(513) },
      { path: 'empty.txt', content: '' },
    ];
    const out = extract(await tarFiles(files), 'basic');
    for (const f of files) expect(readFileSync(path.join(out, f.path), 'utf8')).toBe(f.content);
  });

  it('keeps paths that ustar cannot hold (pax headers), up to the longest workspace path', async () => {
    const segment = 'a'.repeat(200);
    const longest = `${segment}/${segment}/${segment}/${segment}/${'b'.repeat(MAX_PATH_LENGTH - 4 * 201)}`;
    expect(longest).toHaveLength(MAX_PATH_LENGTH);
    const files = [
      { path: 'x'.repeat(200), content: 'a name of 200 characters without a folder' },
      { path: longest, content: 'the longest path' },
    ];
    const out = extract(await tarFiles(files), 'long');
    for (const f of files) expect(readFileSync(path.join(out, f.path), 'utf8')).toBe(f.content);
  });
});
