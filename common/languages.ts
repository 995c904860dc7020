// The language table: one row per language the sandbox runs (DESIGN.md section 5). Commands are
// run by /bin/sh in the workspace root, with placeholders filled in (shell-quoted) by the engine:
//   {entry}  the entry file, e.g. "src/main.py"
//   {stem}   the entry without its extension, e.g. "src/main"
//   {dir}    the entry's folder, "." at the root, e.g. "src"
//   {class}  for Java, the class that declares main, with its package, e.g. "com.acme.Main"
//            (read from the source by the engine; without it, the stem with "/" as ".")
//   {build}  a directory for build output outside the workspace (on the sandbox's tmpfs)
// Several languages share one image (sandbox-images/<image>/) to keep image builds short.

export const IMAGE_NAMES = ['gcc', 'node', 'python', 'java', 'go', 'rust', 'scripts'] as const;
export type ImageName = (typeof IMAGE_NAMES)[number];

export const LANGUAGE_IDS = [
  'javascript',
  'typescript',
  'python',
  'java',
  'c',
  'cpp',
  'go',
  'rust',
  'ruby',
  'php',
  'bash',
  'lua',
] as const;
export type LanguageId = (typeof LANGUAGE_IDS)[number];

/** Sets a language's default and maximum limits: heavier runtimes and compilers need more. */
export type LanguageTier = 'low' | 'medium' | 'high';

export interface TierLimits {
  run: { timeMs: { default: number; max: number }; memoryMb: { default: number; max: number } };
  compile: { timeMs: number; memoryMb: number };
  /** Processes and threads per container (a JVM alone starts ~20 threads). */
  pids: number;
}

export const TIER_LIMITS: Record<LanguageTier, TierLimits> = {
  low: { run: { timeMs: { default: 5_000, max: 30_000 }, memoryMb: { default: 256, max: 1_024 } }, compile: { timeMs: 30_000, memoryMb: 512 }, pids: 128 },
  medium: { run: { timeMs: { default: 5_000, max: 30_000 }, memoryMb: { default: 256, max: 1_024 } }, compile: { timeMs: 60_000, memoryMb: 1_024 }, pids: 128 },
  high: { run: { timeMs: { default: 10_000, max: 60_000 }, memoryMb: { default: 512, max: 2_048 } }, compile: { timeMs: 90_000, memoryMb: 1_536 }, pids: 256 },
};

/** Limits that do not depend on the language. */
export const OUTPUT_LIMIT_BYTES = { default: 1 << 20, max: 16 << 20 } as const;
export const MIN_TIME_MS = 100;
export const MIN_MEMORY_MB = 16;

export interface Language {
  id: LanguageId;
  name: string;
  image: ImageName;
  /** File extensions with the dot; the first is the one for new files. */
  extensions: string[];
  /** Entry file name when a workspace does not say. */
  defaultEntry: string;
  compile: string | null;
  run: string;
  tier: LanguageTier;
  /**
   * What the runtime writes to stderr when the program runs out of its own heap before the
   * kernel's OOM killer steps in (a JVM's -Xmx, V8's heap, a failed malloc in Python): such a
   * run is a memory-limit verdict, not a runtime error (issue 11).
   */
  outOfMemory?: RegExp;
  /**
   * The runtime sizes its heap from the container's memory limit (the JVM's MaxRAMPercentage,
   * V8's heap limit), so a judged test needs that limit to be the problem's own. Other runtimes
   * are held to the problem's limit by their measured peak while the container keeps its higher
   * one (main/interview/judge-box.ts).
   */
  heapFromMemoryLimit?: true;
}

const V8_OUT_OF_MEMORY = /JavaScript heap out of memory/;
const C_SOURCES = `$(find . -name '*.c')`;
const CPP_SOURCES = `$(find . -name '*.cpp' -o -name '*.cc' -o -name '*.cxx')`;

export const LANGUAGES: Record<LanguageId, Language> = {
  javascript: {
    id: 'javascript',
    name: 'JavaScript',
    image: 'node',
    extensions: ['.js', '.mjs', '.cjs'],
    defaultEntry: 'main.js',
    compile: null,
    run: 'node {entry}',
    tier: 'low',
    outOfMemory: V8_OUT_OF_MEMORY,
    heapFromMemoryLimit: true,
  },
  typescript: {
    id: 'typescript',
    name: 'TypeScript',
    image: 'node',
    extensions: ['.ts', '.mts', '.cts'],
    defaultEntry: 'main.ts',
    compile:
      'tsc --pretty false --target es2022 --module commonjs --moduleResolution node --esModuleInterop --skipLibCheck --strict --types node --rootDir . --outDir {build} {entry}',
    run: 'node {build}/{stem}.js',
    tier: 'high',
    outOfMemory: V8_OUT_OF_MEMORY,
    heapFromMemoryLimit: true,
  },
  python: {
    id: 'python',
    name: 'Python',
    image: 'python',
    extensions: ['.py'],
    defaultEntry: 'main.py',
    compile: null,
    run: 'python3 {entry}',
    tier: 'low',
    // The last line of an uncaught MemoryError's traceback.
    outOfMemory: /^MemoryError\b/m,
  },
  java: {
    id: 'java',
    name: 'Java',
    image: 'java',
    extensions: ['.java'],
    defaultEntry: 'Main.java',
    // Tiered compilation stopped at C1 and the serial collector: short programs start faster.
    // The heap may use most of the memory limit (the JVM's default is a quarter of it).
    compile: `javac -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 -encoding UTF-8 -d {build} $(find . -name '*.java')`,
    run: 'java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=75 -cp {build} {class}',
    tier: 'high',
    // An uncaught one, as the JVM reports it on exit (a program may catch and survive its own).
    outOfMemory: /^Exception in thread "[^"\n]*" java\.lang\.OutOfMemoryError\b/m,
    heapFromMemoryLimit: true,
  },
  c: { id: 'c', name: 'C', image: 'gcc', extensions: ['.c', '.h'], defaultEntry: 'main.c', compile: `gcc -std=c17 -O2 -pipe -Wall -o {build}/main ${C_SOURCES} -lm`, run: '{build}/main', tier: 'medium' },
  cpp: { id: 'cpp', name: 'C++', image: 'gcc', extensions: ['.cpp', '.cc', '.cxx', '.hpp', '.h'], defaultEntry: 'main.cpp', compile: `g++ -std=c++17 -O2 -pipe -Wall -o {build}/main ${CPP_SOURCES} -lm`, run: '{build}/main', tier: 'medium' },
  go: {
    id: 'go',
    name: 'Go',
    image: 'go',
    extensions: ['.go'],
    defaultEntry: 'main.go',
    // A workspace without go.mod becomes module "app", so sub-folders are importable as app/<dir>;
    // the package built is the entry's folder, so an entry in a sub-folder builds too.
    compile: '{ [ -f go.mod ] || go mod init app >/dev/null 2>&1; } && go build -o {build}/main ./{dir}',
    run: '{build}/main',
    tier: 'medium',
  },
  rust: { id: 'rust', name: 'Rust', image: 'rust', extensions: ['.rs'], defaultEntry: 'main.rs', compile: 'rustc --edition 2021 -C opt-level=1 -o {build}/main {entry}', run: '{build}/main', tier: 'medium' },
  ruby: { id: 'ruby', name: 'Ruby', image: 'scripts', extensions: ['.rb'], defaultEntry: 'main.rb', compile: null, run: 'ruby {entry}', tier: 'low' },
  php: { id: 'php', name: 'PHP', image: 'scripts', extensions: ['.php'], defaultEntry: 'main.php', compile: null, run: 'php {entry}', tier: 'low' },
  bash: { id: 'bash', name: 'Bash', image: 'scripts', extensions: ['.sh', '.bash'], defaultEntry: 'main.sh', compile: null, run: 'bash {entry}', tier: 'low' },
  lua: { id: 'lua', name: 'Lua', image: 'scripts', extensions: ['.lua'], defaultEntry: 'main.lua', compile: null, run: 'lua5.4 {entry}', tier: 'low' },
};

export function languageForFile(path: string): Language | null {
  const dot = path.lastIndexOf('.');
  if (dot === -1) return null;
  const ext = path.slice(dot).toLowerCase();
  // .h is shared by C and C++; a header is never an entry, so either answer is harmless.
  return Object.values(LANGUAGES).find((l) => l.extensions.includes(ext)) ?? null;
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Fills a command's placeholders for one entry file and build directory. */
export function expandCommand(template: string, entry: string, build: string, mainClass?: string): string {
  const stem = entry.replace(/\.[^./]+$/, '');
  const slash = entry.lastIndexOf('/');
  const dir = slash === -1 ? '.' : entry.slice(0, slash);
  const values: Record<string, string> = { entry, stem, dir, class: mainClass ?? stem.replace(/\//g, '.'), build };
  return template.replace(/\{(entry|stem|dir|class|build)\}/g, (_, key: string) => shellQuote(values[key]!));
}
