import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prng } from '../../common/prng';

// A shared folder of a given size, made from a seed (issue 8, "Rooms you can trust": a room that
// shares 2,000 files / 20 MB must reach its guests). Shaped like a real project: many small source
// files in nested folders, a README at the root, and a few large files (generated code, data,
// a lock file) that hold a good part of the bytes. Same seed, same folder, byte for byte.

export interface GeneratedFolderOptions {
  files: number;
  /** Total size of all files in bytes (ASCII text, so characters = bytes). */
  bytes: number;
  seed: number;
  /** How many of the files are large (each a few per cent of the total); the rest are small. */
  largeFiles?: number;
}

export interface GeneratedFolder {
  dir: string;
  /** Every file's path relative to `dir` (POSIX), README.md first. */
  paths: string[];
  totalBytes: number;
  /** A small file at the root: what a guest opens first. */
  firstFile: string;
  cleanup(): void;
}

const WORDS = ['user', 'session', 'token', 'render', 'value', 'index', 'result', 'config', 'buffer', 'handler', 'state', 'event', 'node', 'path', 'cache', 'query', 'parse', 'build', 'update', 'items', 'count', 'error', 'options', 'request', 'response', 'stream', 'model', 'view', 'store', 'layout'];
const FOLDERS = ['src', 'lib', 'app', 'components', 'services', 'utils', 'models', 'views', 'api', 'core', 'tests', 'docs', 'styles', 'scripts', 'config'];
const SMALL_EXTENSIONS = ['ts', 'ts', 'ts', 'tsx', 'js', 'py', 'py', 'go', 'css', 'json', 'md'];

function codeLine(next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const indent = '  '.repeat(Math.floor(next() * 4));
  const name = `${pick(WORDS)}${pick(WORDS).replace(/^./, (c) => c.toUpperCase())}${Math.floor(next() * 100)}`;
  switch (Math.floor(next() * 5)) {
    case 0:
      return `${indent}const ${name} = ${pick(WORDS)}(${pick(WORDS)}, ${Math.floor(next() * 1000)});`;
    case 1:
      return `${indent}if (${name}.${pick(WORDS)} > ${Math.floor(next() * 64)}) return ${pick(WORDS)};`;
    case 2:
      return `${indent}// ${pick(WORDS)} the ${pick(WORDS)} before the ${pick(WORDS)} ${pick(WORDS)}s`;
    case 3:
      // Whole on one line: a file of open braces would nest thousands deep, which no real code does
      // (Monaco's TypeScript worker overflowed its stack on one).
      return `${indent}export function ${name}(${pick(WORDS)}: ${pick(WORDS)}) { return null; }`;
    default:
      return `${indent}${name}.${pick(WORDS)}(${pick(WORDS)}.${pick(WORDS)});`;
  }
}

/** Text of exactly `size` bytes made of code-like lines. */
function fileText(size: number, next: () => number): string {
  const lines: string[] = [];
  let length = 0;
  while (length < size) {
    const line = `${codeLine(next)}\n`;
    lines.push(line);
    length += line.length;
  }
  return lines.join('').slice(0, size);
}

/** Sizes of `count` files adding up to `total` bytes: `large` of them share about half of it. */
function fileSizes(count: number, total: number, large: number, next: () => number): number[] {
  const largeShare = large > 0 ? total / 2 : 0;
  const largeSizes = Array.from({ length: large }, () => 0.5 + next());
  const smallSizes = Array.from({ length: count - large }, () => {
    // Most source files are a few KB, some tens of KB: a log-normal-ish spread.
    const u = next();
    return Math.exp(u * u * 3);
  });
  const scale = (weights: number[], sum: number) => {
    const weight = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => Math.max(1, Math.floor((w / weight) * sum)));
  };
  const small = scale(smallSizes, total - largeShare);
  // In path order: the README (a small file), the large files, then the other small ones.
  const sizes = [small[0]!, ...scale(largeSizes, largeShare), ...small.slice(1)];
  // Rounding leaves a few bytes over: the last small file takes them.
  sizes[sizes.length - 1]! += total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

export function generateFolder({ files, bytes, seed, largeFiles = Math.max(1, Math.round(files / 200)) }: GeneratedFolderOptions): GeneratedFolder {
  const next = prng(seed);
  const base = mkdtempSync(path.join(os.tmpdir(), 'cc-room-folder-'));
  const dir = path.join(base, `project-${files}`);
  const sizes = fileSizes(files, bytes, largeFiles, next);
  // The README is a small file whatever the draw gave it, so "the first file opened" is typical.
  if (sizes[0]! > 4096) {
    sizes[sizes.length - 1]! += sizes[0]! - 4096;
    sizes[0] = 4096;
  }
  const paths: string[] = [];
  const used = new Set<string>();
  for (let i = 0; i < files; i++) {
    let relative: string;
    if (i === 0) relative = 'README.md';
    else if (i <= largeFiles) relative = `data/${['generated', 'fixtures', 'vendor', 'schema'][i % 4]}-${i}.${['json', 'ts', 'js', 'sql'][i % 4]}`;
    else {
      do {
        const depth = 1 + Math.floor(next() * 3);
        const folders = Array.from({ length: depth }, (_, d) => (d === 0 ? FOLDERS[Math.floor(next() * 6)] : FOLDERS[Math.floor(next() * FOLDERS.length)]));
        const word = WORDS[Math.floor(next() * WORDS.length)]!;
        relative = `${folders.join('/')}/${word}-${Math.floor(next() * 10_000)}.${SMALL_EXTENSIONS[Math.floor(next() * SMALL_EXTENSIONS.length)]}`;
      } while (used.has(relative));
    }
    used.add(relative);
    paths.push(relative);
    const full = path.join(dir, ...relative.split('/'));
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, fileText(sizes[i]!, next));
  }
  return { dir, paths, totalBytes: sizes.reduce((a, b) => a + b, 0), firstFile: 'README.md', cleanup: () => rmSync(base, { recursive: true, force: true }) };
}
