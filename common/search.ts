import { z } from 'zod';

// Search across the workspace's files (issue 11, Ctrl+Shift+F): the request as the renderer sends
// it and main validates it, the query compiled the same way on both sides, and the result shape.

/** Most matches one search returns; the rest is reported as truncated. */
export const MAX_SEARCH_RESULTS = 5_000;
export const DEFAULT_SEARCH_RESULTS = 2_000;
/** Longest query and glob accepted. */
const MAX_QUERY_LENGTH = 1_000;
const MAX_GLOB_LENGTH = 256;

/** Why a glob is refused: globs stay inside the workspace, like paths. */
export function globProblem(glob: string): string | null {
  if (glob.length === 0) return 'the pattern is empty';
  if (glob.length > MAX_GLOB_LENGTH) return `the pattern is longer than ${MAX_GLOB_LENGTH} characters`;
  if (glob.includes('\0')) return 'the pattern contains a NUL character';
  if (glob.includes('\\')) return 'the pattern contains a backslash; use "/" between folders';
  if (glob.startsWith('/') || /^[A-Za-z]:/.test(glob)) return 'the pattern is absolute; give it relative to the folder';
  if (glob.split('/').includes('..')) return 'the pattern contains ".." and would leave the folder';
  return null;
}

const GlobSchema = z.string().superRefine((value, ctx) => {
  const problem = globProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `Invalid pattern "${value.slice(0, 80)}": ${problem}` });
});

export interface SearchQuery {
  query: string;
  isRegex: boolean;
  matchCase: boolean;
  wholeWord: boolean;
}

/** The query as a global RegExp, or the reason it is not one. */
export function compileQuery(q: SearchQuery): RegExp | string {
  const source = q.isRegex ? q.query : q.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(q.wholeWord ? `\\b(?:${source})\\b` : source, q.matchCase ? 'g' : 'gi');
  } catch (error) {
    return `Invalid regular expression: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export const SearchRequestSchema = z
  .object({
    query: z.string().min(1, 'Type something to search for.').max(MAX_QUERY_LENGTH),
    isRegex: z.boolean().default(false),
    matchCase: z.boolean().default(false),
    wholeWord: z.boolean().default(false),
    include: z.array(GlobSchema).max(32).default([]),
    exclude: z.array(GlobSchema).max(32).default([]),
    maxResults: z.number().int().min(1).max(MAX_SEARCH_RESULTS).default(DEFAULT_SEARCH_RESULTS),
  })
  .strict()
  .superRefine((request, ctx) => {
    const compiled = compileQuery(request);
    if (typeof compiled === 'string') ctx.addIssue({ code: 'custom', path: ['query'], message: compiled });
  });

export type SearchRequest = z.output<typeof SearchRequestSchema>;

export interface SearchMatch {
  /** 1-based line and column (UTF-16 code units, as Monaco counts). */
  line: number;
  column: number;
  length: number;
  /** The line, shortened around the match when long. */
  preview: string;
  /** Where the match starts inside `preview`. */
  previewColumn: number;
}

export interface SearchFileResult {
  path: string;
  matches: SearchMatch[];
}

export interface SearchResult {
  files: SearchFileResult[];
  /** Set when the search stopped early, with why: too many results, too many files, or too long. */
  truncated: 'results' | 'files' | 'time' | null;
  filesSearched: number;
  /** Files left out: binary, or larger than the search reads. */
  filesSkipped: number;
}
