import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tarFiles } from './tar';

describe('tarFiles', () => {
  it('writes an archive that GNU tar extracts with folders, long names and UTF-8 intact', () => {
    const long = `${'deep/'.repeat(30)}file.txt`;
    const files = [
      { path: 'main.py', content: 'print("hi")\n' },
      { path: 'pkg/sub/ünï.txt', content: 'ünïcödé ✓' },
      { path: long, content: 'x'.repeat(513) },
      { path: 'empty.txt', content: '' },
    ];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-tar-'));
    writeFileSync(path.join(dir, 'a.tar'), tarFiles(files));
    const out = path.join(dir, 'out');
    spawnSync('mkdir', [out]);
    const result = spawnSync('tar', ['-x', '-f', path.join(dir, 'a.tar'), '-C', out]);
    expect(result.stderr.toString()).toBe('');
    expect(result.status).toBe(0);
    for (const f of files) expect(readFileSync(path.join(out, f.path), 'utf8')).toBe(f.content);
  });

  it('refuses a name that ustar cannot hold', () => {
    expect(() => tarFiles([{ path: 'x'.repeat(200), content: '' }])).toThrow(/too long/);
  });
});
