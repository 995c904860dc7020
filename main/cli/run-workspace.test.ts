import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonFolder, runWorkspace } from './run-workspace';

const read = (file: string) => `content of ${path.basename(file)}`;

describe('runWorkspace', () => {
  it('makes the entry folder the workspace for one file anywhere on disk', () => {
    const w = runWorkspace(['/home/ada/code/hello.py'], undefined, read);
    expect(w.root).toBe('/home/ada/code');
    expect(w.files).toEqual([{ path: 'hello.py', content: 'content of hello.py' }]);
    expect(w.entry).toBeUndefined();
  });

  it('makes the deepest shared folder the workspace for several files, entry included', () => {
    const w = runWorkspace(['/p/app/README.md', '/p/app/src/lib/util.go'], '/p/app/src/main.go', read);
    expect(w.root).toBe('/p/app');
    expect(w.files.map((f) => f.path)).toEqual(['README.md', 'src/lib/util.go', 'src/main.go']);
    expect(w.entry).toBe('src/main.go');
  });

  it('resolves relative paths against the current folder and drops duplicates', () => {
    const w = runWorkspace(['a/x.py', './a/x.py'], 'a/x.py', read);
    expect(w.root).toBe(path.resolve('a'));
    expect(w.files).toHaveLength(1);
    expect(w.entry).toBe('x.py');
  });

  it('finds the root folder when files share nothing deeper', () => {
    expect(commonFolder(['/a/x.py', '/b/y.py'])).toBe('/');
  });
});
