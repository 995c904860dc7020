// A problem package as a plain set of files (POSIX path -> bytes), read from a folder or a zip
// and written back to either. Everything here is untrusted input: every path is checked with the
// workspace path rules (no "..", no absolute paths), symlinks are refused, and sizes are capped
// before anything is inflated or read, so a zip bomb or a huge folder is refused, not loaded.
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { workspacePathProblem } from '../../common/paths';
import { ProblemPackageError } from './package-error';

export type PackageFiles = Map<string, Uint8Array>;

export const PACKAGE_CAPS = {
  files: 20_000,
  fileBytes: 64 << 20,
  totalBytes: 256 << 20,
};

/** Folders that are never part of a package (version control, editor state). */
const IGNORED = new Set(['.git', '.hg', '.svn', '.DS_Store', '__MACOSX']);

function checkPath(file: string, source: string): void {
  const problem = workspacePathProblem(file);
  if (problem) throw new ProblemPackageError(file, `${problem} (in ${source})`);
}

export function readPackageFolder(dir: string): PackageFiles {
  const files: PackageFiles = new Map();
  let total = 0;
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      if (IGNORED.has(entry.name)) continue;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      checkPath(rel, dir);
      const stat = lstatSync(path.join(dir, rel));
      if (stat.isSymbolicLink()) throw new ProblemPackageError(rel, 'is a symbolic link; a package holds plain files only');
      if (stat.isDirectory()) walk(rel);
      else if (stat.isFile()) {
        if (stat.size > PACKAGE_CAPS.fileBytes) throw new ProblemPackageError(rel, `is ${stat.size} bytes; a file may be at most ${PACKAGE_CAPS.fileBytes}`);
        total += stat.size;
        if (total > PACKAGE_CAPS.totalBytes) throw new ProblemPackageError(rel, `the package is larger than ${PACKAGE_CAPS.totalBytes} bytes`);
        if (files.size >= PACKAGE_CAPS.files) throw new ProblemPackageError(rel, `the package has more than ${PACKAGE_CAPS.files} files`);
        files.set(rel, readFileSync(path.join(dir, rel)));
      }
    }
  };
  walk('');
  return files;
}

/** Unpacks a zip; a zip of one folder (the usual way a package is zipped) loses that folder. */
export function readPackageZip(bytes: Uint8Array, source = 'the zip'): PackageFiles {
  let declared = 0;
  let count = 0;
  let tooBig: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      // Runs before inflating: refuses by the sizes the zip declares.
      filter: (file) => {
        if (file.name.endsWith('/')) return false;
        count++;
        declared += file.originalSize;
        if (file.originalSize > PACKAGE_CAPS.fileBytes || declared > PACKAGE_CAPS.totalBytes || count > PACKAGE_CAPS.files) tooBig ??= file.name;
        return tooBig === null;
      },
    });
  } catch (error) {
    throw new ProblemPackageError(source, `is not a readable zip: ${(error as Error).message}`);
  }
  if (tooBig) throw new ProblemPackageError(tooBig, `the zip is over the caps (${PACKAGE_CAPS.files} files, ${PACKAGE_CAPS.fileBytes} bytes a file, ${PACKAGE_CAPS.totalBytes} in all)`);
  const names = Object.keys(entries).filter((n) => !n.split('/').some((s) => IGNORED.has(s)));
  const tops = new Set(names.map((n) => (n.includes('/') ? n.slice(0, n.indexOf('/')) : '')));
  const strip = tops.size === 1 && !tops.has('') && !names.some((n) => n === [...tops][0]) ? `${[...tops][0]}/` : '';
  const files: PackageFiles = new Map();
  let total = 0;
  for (const name of names) {
    const rel = strip ? name.slice(strip.length) : name;
    checkPath(rel, source);
    const data = entries[name]!;
    total += data.length;
    if (data.length > PACKAGE_CAPS.fileBytes || total > PACKAGE_CAPS.totalBytes) throw new ProblemPackageError(rel, 'the zip inflates past the size caps');
    files.set(rel, data);
  }
  return files;
}

export function writePackageFolder(files: PackageFiles, dir: string): void {
  for (const [rel, data] of files) {
    checkPath(rel, 'the package');
    const target = path.join(dir, ...rel.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
}

export function writePackageZip(files: PackageFiles, topFolder?: string): Uint8Array {
  const tree: Record<string, Uint8Array> = {};
  for (const [rel, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) tree[topFolder ? `${topFolder}/${rel}` : rel] = data;
  return zipSync(tree, { level: 6 });
}
