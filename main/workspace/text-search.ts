import type { Dirent } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isWorkspacePath } from '../../common/paths';
import { compileQuery, type SearchFileResult, type SearchMatch, type SearchRequest, type SearchResult } from '../../common/search';

// Search across the open folder's files (issue 11). Bounded in results, files and time, so a
// huge folder or a slow pattern cannot hold main up; binary and large files, version-control and
// dependency folders are skipped, and symbolic links are never followed out of the folder.

/** Folders never searched, as VS Code's default `search.exclude` and `files.exclude`. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'bower_components']);
/** Files larger than this are not read (minified bundles, logs, data). */
export const MAX_SEARCHED_FILE_BYTES = 1024 * 1024;
export const MAX_SEARCHED_FILES = 20_000;
export const SEARCH_TIME_BUDGET_MS = 5_000;
const BINARY_SNIFF_BYTES = 8_000;
/** Characters of context kept before a match in a long line's preview. */
const PREVIEW_BEFORE = 40;
const PREVIEW_MAX = 250;

/** VS Code's glob habits: "*.py" matches at any depth, "src" matches the folder and all below it. */
export function matchesGlob(relative: string, glob: string): boolean {
  if (path.posix.matchesGlob(relative, glob) || path.posix.matchesGlob(relative, `${glob}/**`)) return true;
  if (glob.includes('/')) return false;
  return relative.split('/').some((segment) => path.posix.matchesGlob(segment, glob));
}

function preview(line: string, column: number): { preview: string; previewColumn: number } {
  if (line.length <= PREVIEW_MAX) return { preview: line, previewColumn: column };
  const start = Math.max(0, column - PREVIEW_BEFORE);
  return { preview: line.slice(start, start + PREVIEW_MAX), previewColumn: column - start };
}

function matchesIn(text: string, pattern: RegExp, limit: number): SearchMatch[] {
  const matches: SearchMatch[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && matches.length < limit; i++) {
    const line = lines[i]!;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m && matches.length < limit; m = pattern.exec(line)) {
      // An empty match would find itself forever: step past it.
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      matches.push({ line: i + 1, column: m.index + 1, length: m[0].length, ...preview(line, m.index) });
    }
  }
  return matches;
}

/** Reads a file for searching, or null when it is binary or too large to search. */
async function readText(absolute: string): Promise<string | null> {
  const handle = await open(absolute, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_SEARCHED_FILE_BYTES) return null;
    const bytes = await handle.readFile();
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return null;
    return bytes.toString('utf8');
  } finally {
    await handle.close();
  }
}

export async function searchFolder(root: string, request: SearchRequest, now: () => number = Date.now): Promise<SearchResult> {
  const pattern = compileQuery(request);
  // The contract's schema refused a bad pattern already; main's own callers get the same answer.
  if (typeof pattern === 'string') throw new Error(pattern);
  const deadline = now() + SEARCH_TIME_BUDGET_MS;
  const excluded = (relative: string) => request.exclude.some((glob) => matchesGlob(relative, glob));
  const included = (relative: string) => request.include.length === 0 || request.include.some((glob) => matchesGlob(relative, glob));
  const result: SearchResult = { files: [], truncated: null, filesSearched: 0, filesSkipped: 0 };
  let total = 0;
  const queue: string[] = [''];
  while (queue.length > 0 && !result.truncated) {
    const folder = queue.shift()!;
    let names: Dirent[];
    try {
      names = await readdir(path.join(root, ...folder.split('/').filter(Boolean)), { withFileTypes: true });
    } catch {
      continue; // A folder removed or unreadable while searching holds nothing to find.
    }
    names.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of names) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (!isWorkspacePath(relative) || excluded(relative)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) queue.push(relative);
        continue;
      }
      if (!entry.isFile() || !included(relative)) continue;
      if (now() > deadline) result.truncated = 'time';
      else if (result.filesSearched >= MAX_SEARCHED_FILES) result.truncated = 'files';
      if (result.truncated) break;
      result.filesSearched++;
      // An unreadable file (gone meanwhile, no permission) is counted as skipped, which the view reports.
      const text = await readText(path.join(root, ...relative.split('/'))).catch(() => null);
      if (text === null) {
        result.filesSkipped++;
        continue;
      }
      // One match past what is left tells "exactly full" from "more than shown".
      const remaining = request.maxResults - total;
      const matches = matchesIn(text, pattern, remaining + 1);
      const kept = matches.slice(0, remaining);
      total += kept.length;
      if (kept.length > 0) result.files.push({ path: relative, matches: kept } satisfies SearchFileResult);
      if (matches.length > remaining) {
        result.truncated = 'results';
        break;
      }
    }
  }
  // The walk is breadth first; the view lists files in path order, as the Explorer does.
  result.files.sort((a, b) => a.path.localeCompare(b.path));
  return result;
}
