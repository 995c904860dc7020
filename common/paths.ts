import { z } from 'zod';

// Workspace paths are POSIX, relative to the workspace root, and never climb out of it.
// They arrive from the renderer, from peers and from files on disk, so every one is checked here.

export const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 255;

/** Returns why `value` is not a valid workspace path, or null when it is. */
export function workspacePathProblem(value: string): string | null {
  if (value.length === 0) return 'the path is empty';
  if (value.length > MAX_PATH_LENGTH) return `the path is longer than ${MAX_PATH_LENGTH} characters`;
  if (value.includes('\0')) return 'the path contains a NUL character';
  if (value.includes('\\')) return 'the path contains a backslash; use "/" between folders';
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value)) return 'the path is absolute; give it relative to the workspace';
  const segments = value.split('/');
  for (const segment of segments) {
    if (segment === '') return 'the path has an empty segment (a leading, trailing or double "/")';
    if (segment === '..') return 'the path contains ".." and would leave the workspace';
    if (segment === '.') return 'the path contains "."';
    if (segment.length > MAX_SEGMENT_LENGTH) return `a path segment is longer than ${MAX_SEGMENT_LENGTH} characters`;
  }
  return null;
}

export function isWorkspacePath(value: string): boolean {
  return workspacePathProblem(value) === null;
}

export const WorkspacePathSchema = z.string().superRefine((value, ctx) => {
  const problem = workspacePathProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `Invalid workspace path "${value.slice(0, 80)}": ${problem}` });
});

/** The last segment of a workspace path. */
export function baseName(path: string): string {
  const index = path.lastIndexOf('/');
  return index === -1 ? path : path.slice(index + 1);
}

/** The parent folder of a workspace path, '' for the root. */
export function parentPath(path: string): string {
  const index = path.lastIndexOf('/');
  return index === -1 ? '' : path.slice(0, index);
}

export function joinPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}

/** True when `path` is `folder` itself or lies inside it. */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}
