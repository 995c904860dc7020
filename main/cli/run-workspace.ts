// Which workspace `codecrafter run` builds from files named on the command line (issue 11): the
// entry's folder for one file, or the deepest folder that all the given files share, so files
// anywhere on disk run (`run ~/code/hello.py`) and keep their folders relative to each other.
import path from 'node:path';
import { HostError } from '../../common/errors';

export interface CliWorkspace {
  /** Absolute folder the workspace paths are relative to. */
  root: string;
  files: { path: string; content: string }[];
  /** The entry as a workspace path, when --entry was given. */
  entry?: string;
}

/** The deepest folder containing every one of these absolute file paths. */
export function commonFolder(absoluteFiles: string[]): string {
  const folders = absoluteFiles.map((file) => path.dirname(file).split(path.sep));
  const shared: string[] = [];
  for (let i = 0; folders.every((f) => i < f.length && f[i] === folders[0]![i]); i++) shared.push(folders[0]![i]!);
  if (shared.length === 0) throw new HostError('invalid-argument', 'the files share no folder (different drives?); give files of one folder tree');
  return shared.join(path.sep) || path.sep;
}

export function runWorkspace(fileArgs: string[], entryArg: string | undefined, read: (file: string) => string): CliWorkspace {
  const absolute = [...new Set(fileArgs.map((file) => path.resolve(file)))];
  const entryAbsolute = entryArg === undefined ? undefined : path.resolve(entryArg);
  // An --entry not among the files is a file of the run too.
  if (entryAbsolute && !absolute.includes(entryAbsolute)) absolute.push(entryAbsolute);
  const root = commonFolder(absolute);
  const toWorkspace = (file: string) => path.relative(root, file).split(path.sep).join('/');
  return {
    root,
    files: absolute.map((file) => ({ path: toWorkspace(file), content: read(file) })),
    entry: entryAbsolute && toWorkspace(entryAbsolute),
  };
}
