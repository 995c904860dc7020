import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aptMirrors } from './apt-mirror';

function aptRoot(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cc-apt-'));
  mkdirSync(path.join(root, 'sources.list.d'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

describe('aptMirrors', () => {
  it('reads deb822 .sources files, main archive before security', () => {
    const root = aptRoot({
      'sources.list.d/debian.sources': [
        'Types: deb',
        'URIs: http://security.example/debian-security',
        'Suites: bookworm-security',
        'Components: main',
        '',
        'Types: deb deb-src',
        'URIs: http://mirror.example/debian/',
        'Suites: bookworm bookworm-updates',
        'Components: main',
      ].join('\n'),
    });
    expect(aptMirrors(root)).toEqual(['http://mirror.example/debian', 'http://security.example/debian-security']);
  });

  it('reads one-line sources.list entries with options, ignoring comments and deb-src', () => {
    const root = aptRoot({
      'sources.list': '# deb http://commented.example/debian bookworm main\ndeb-src http://src.example/debian bookworm main\ndeb [arch=amd64 signed-by=/k.gpg] https://one.example/debian bookworm main\n',
    });
    expect(aptMirrors(root)).toEqual(['https://one.example/debian']);
  });

  it('finds nothing on a machine without apt', () => {
    expect(aptMirrors(path.join(os.tmpdir(), 'no-such-apt-root'))).toEqual([]);
  });
});
