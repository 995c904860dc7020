// The one declaration of the folders the Explorer does not walk into and a room never writes
// (issue 8, item 4). Version-control metadata runs commands (a `.git/config` with
// `core.fsmonitor` runs on the next `git status`; `.git/hooks/*` on checkout and commit) and
// package folders hold executables, so what a peer sends never lands there. The list follows VS
// Code's default `files.exclude` (.git, .svn, .hg, CVS) plus node_modules.

const PROTECTED_FOLDERS = ['.git', '.svn', '.hg', 'CVS', 'node_modules'] as const;

/** Lower-cased: macOS and Windows disks ignore case, so `.GIT/config` is `.git/config` there. */
const PROTECTED_LOWER = new Set<string>(PROTECTED_FOLDERS.map((name) => name.toLowerCase()));

/** True for a folder name the Explorer shows but never walks into. */
export function isProtectedFolderName(name: string): boolean {
  return PROTECTED_LOWER.has(name.toLowerCase());
}

/** The protected folder a workspace path is, or lies inside, or null. */
export function protectedFolderOf(path: string): string | null {
  for (const segment of path.split('/')) if (isProtectedFolderName(segment)) return segment;
  return null;
}
