import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readShellProfiles } from './shell-profiles';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('readShellProfiles', () => {
  it('keeps executable shells once each and drops comments, relative, missing, non-executable and non-shell entries', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cc-shells-'));
    const notExecutable = path.join(dir, 'plain');
    writeFileSync(notExecutable, '');
    chmodSync(notExecutable, 0o644);
    const list = path.join(dir, 'shells');
    writeFileSync(
      list,
      ['# comment', '/bin/bash', '/bin/bash', 'bin/sh', '/opt/missing/zsh', notExecutable, '/usr/bin/tmux', '/bin/../bin/sh', '', '/bin/sh'].join('\n'),
    );
    const profiles = readShellProfiles(list);
    const shells = profiles.map((p) => p.shell);
    expect(shells).toContain('/bin/bash');
    expect(shells.filter((s) => s === '/bin/bash')).toHaveLength(1);
    expect(shells).not.toContain('bin/sh');
    expect(shells).not.toContain('/opt/missing/zsh');
    expect(shells).not.toContain(notExecutable);
    expect(shells).not.toContain('/usr/bin/tmux');
    expect(shells).not.toContain('/bin/../bin/sh');
    expect(profiles.find((p) => p.shell === '/bin/bash')?.name).toBe('bash');
  });

  it('answers an empty list when the file cannot be read', () => {
    expect(readShellProfiles('/nonexistent/shells')).toEqual([]);
  });
});
