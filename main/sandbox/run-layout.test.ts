import { describe, expect, it } from 'vitest';
import { parseRunRequest } from '../../common/sandbox';
import { runLayout } from './run-layout';

// Where a run's files go in the sandbox and what the commands start (issue 11): most languages
// as they are; Java renamed after its public type and started by its main class.

const request = (language: string, files: Array<[string, string]>, entry?: string) =>
  parseRunRequest({ language, entry, files: files.map(([path, content]) => ({ path, content })), stdin: '', limits: {}, unsandboxed: false });

describe('runLayout', () => {
  it('takes other languages as they are, entry found by the language', () => {
    const layout = runLayout(request('python', [['app/main.py', 'print(1)']]));
    expect(layout).toEqual({ files: [{ path: 'app/main.py', content: 'print(1)' }], entry: 'app/main.py' });
    expect(layout.mainClass).toBeUndefined();
  });

  it('places a public Java class in a file named after it and starts it', () => {
    const layout = runLayout(request('java', [['test.java', 'public class HelloWorld { public static void main(String[] a) {} }']], 'test.java'));
    expect(layout.files.map((f) => f.path)).toEqual(['HelloWorld.java']);
    expect(layout).toMatchObject({ entry: 'HelloWorld.java', mainClass: 'HelloWorld' });
  });

  it('starts the class that declares main, with its package, in a sub-folder', () => {
    const layout = runLayout(
      request('java', [['src/app/Main.java', 'package app;\npublic class Main { public static void main(String[] a) { Util.go(); } }'], ['src/app/Util.java', 'package app;\nclass Util { static void go() {} }']], 'src/app/Main.java'),
    );
    expect(layout.files.map((f) => f.path)).toEqual(['src/app/Main.java', 'src/app/Util.java']);
    expect(layout).toMatchObject({ entry: 'src/app/Main.java', mainClass: 'app.Main' });
  });

  it('does not rename onto a file that is already there', () => {
    const layout = runLayout(request('java', [['a.java', 'public class B { public static void main(String[] x) {} }'], ['B.java', 'class Other {}']], 'a.java'));
    expect(layout.files.map((f) => f.path)).toEqual(['a.java', 'B.java']);
    expect(layout).toMatchObject({ entry: 'a.java', mainClass: 'B' });
  });

  it('refuses a request without its entry among the files', () => {
    const parsed = request('python', [['main.py', 'print(1)']], 'main.py');
    expect(() => runLayout({ ...parsed, entry: 'other.py' })).toThrow('the run has no entry file');
  });
});
