import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchRequestSchema, type SearchResult } from '../../common/search';
import { MAX_SEARCHED_FILE_BYTES, matchesGlob, searchFolder } from './text-search';

// workspace.search (issue 11) on a real temporary folder.

let root: string;
let outside: string;
beforeEach(() => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'cc-search-'));
  root = path.join(base, 'ws');
  outside = path.join(base, 'outside');
  const files: Record<string, string> = {
    'main.py': 'import util\nprint(util.greet("x"))\n',
    'src/util.py': '# helpers\ndef greet_user(name):\n    return greet(name)\n\ndef greet(name):\n    return "Hello " + name\n',
    'src/deep/notes.md': 'Greet people. greet greet\n',
    'node_modules/pkg/index.js': 'greet()\n',
    '.git/config': 'greet\n',
    'build/out.js': 'greet()\n',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  writeFileSync(path.join(root, 'blob.bin'), Buffer.from('greet\0\x01\x02'));
  writeFileSync(path.join(root, 'huge.txt'), `greet\n${'x'.repeat(MAX_SEARCHED_FILE_BYTES)}`);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.txt'), 'greet from outside\n');
  symlinkSync(outside, path.join(root, 'link'));
});
afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

const search = (request: Record<string, unknown>) => searchFolder(root, SearchRequestSchema.parse(request));
const summary = (result: SearchResult) => result.files.map((f) => `${f.path}:${f.matches.map((m) => `${m.line}.${m.column}`).join(',')}`);

describe('workspace search', () => {
  it('finds text case-insensitively by default, grouped by file, skipping what it must', async () => {
    const result = await search({ query: 'greet' });
    expect(summary(result)).toEqual(['build/out.js:1.1', 'main.py:2.12', 'src/deep/notes.md:1.1,1.15,1.21', 'src/util.py:2.5,3.12,5.5']);
    expect(result.truncated).toBeNull();
    // blob.bin (binary) and huge.txt (over the size cap) were looked at and left out.
    expect(result.filesSkipped).toBe(2);
    const match = result.files.find((f) => f.path === 'src/util.py')!.matches[1]!;
    expect(match).toEqual({ line: 3, column: 12, length: 5, preview: '    return greet(name)', previewColumn: 11 });
  });

  it('honours match case, whole word and regular expressions', async () => {
    expect(summary(await search({ query: 'Greet', matchCase: true }))).toEqual(['src/deep/notes.md:1.1']);
    expect(summary(await search({ query: 'greet', wholeWord: true, include: ['src'] }))).toEqual(['src/deep/notes.md:1.1,1.15,1.21', 'src/util.py:3.12,5.5']);
    expect(summary(await search({ query: 'def \\w+\\(', isRegex: true }))).toEqual(['src/util.py:2.1,5.1']);
    expect(summary(await search({ query: 'x*', isRegex: true, include: ['main.py'] }))).toEqual(['main.py:2.19']);
  });

  it('filters by include and exclude globs as VS Code does', async () => {
    expect(summary(await search({ query: 'greet', include: ['*.py'] })).map((s) => s.split(':')[0])).toEqual(['main.py', 'src/util.py']);
    expect(summary(await search({ query: 'greet', exclude: ['src', 'build/**'] })).map((s) => s.split(':')[0])).toEqual(['main.py']);
    expect(matchesGlob('src/deep/notes.md', 'deep')).toBe(true);
    expect(matchesGlob('src/deep/notes.md', 'src/*.md')).toBe(false);
    expect(matchesGlob('src/deep/notes.md', 'src/**/*.md')).toBe(true);
  });

  it('stops at the result bound and says so', async () => {
    const result = await search({ query: 'greet', maxResults: 3 });
    expect(result.files.flatMap((f) => f.matches)).toHaveLength(3);
    expect(result.truncated).toBe('results');
  });

  it('stops when its time is up and says so', async () => {
    let clock = 0;
    const result = await searchFolder(root, SearchRequestSchema.parse({ query: 'greet' }), () => (clock += 3_000));
    expect(result.truncated).toBe('time');
    expect(result.filesSearched).toBeLessThan(3);
  });

  it('refuses bad requests at the schema: empty query, bad regex, globs leaving the folder', () => {
    for (const bad of [
      { query: '' },
      { query: 'gre(', isRegex: true },
      { query: 'x', include: ['../outside/**'] },
      { query: 'x', exclude: ['/etc/**'] },
      { query: 'x', maxResults: 1e9 },
      { query: 'x', extra: true },
    ]) {
      expect(SearchRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    const regex = SearchRequestSchema.safeParse({ query: 'gre(', isRegex: true });
    expect(regex.error?.issues[0]?.message).toMatch(/Invalid regular expression/);
  });
});
