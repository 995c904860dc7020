import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode, HostError } from '../../common/errors';
import { LANGUAGES, type LanguageId } from '../../common/languages';
import { MAX_FILE_BYTES } from '../../common/file-limits';
import { MAX_FILES, MAX_WORKSPACE_BYTES, utf8Length } from '../../common/sandbox';
import { listWorkspace } from './file-listing';

export interface RunFile {
  path: string;
  content: string;
}

/**
 * The files a run of the workspace takes into the sandbox: its text files up to the sandbox's
 * caps, the language's own sources first (so a large folder of data files cannot push a source
 * out), with the editor's unsaved text in place of what is on disk.
 */
export async function collectRunFiles(root: string, language: LanguageId, entry: string, openFiles: RunFile[] = []): Promise<RunFile[]> {
  const overrides = new Map(openFiles.map((f) => [f.path, f.content]));
  const { entries } = await listWorkspace(root);
  const extensions = LANGUAGES[language].extensions;
  const isSource = (p: string) => extensions.some((e) => p.endsWith(e));
  const candidates = entries
    .filter((e) => e.kind === 'file' && !e.path.split('/').some((s) => s.startsWith('.')))
    .map((e) => ({ path: e.path, size: e.size }))
    .sort((a, b) => Number(b.path === entry) - Number(a.path === entry) || Number(isSource(b.path)) - Number(isSource(a.path)) || a.path.localeCompare(b.path));
  for (const path of overrides.keys()) if (!candidates.some((c) => c.path === path)) candidates.unshift({ path, size: 0 });

  const files: RunFile[] = [];
  let total = 0;
  for (const candidate of candidates) {
    if (files.length >= MAX_FILES) break;
    let content = overrides.get(candidate.path);
    if (content === undefined) {
      if (candidate.size > MAX_FILE_BYTES) continue;
      const bytes = await readFile(path.join(root, ...candidate.path.split('/'))).catch(() => undefined);
      if (!bytes || bytes.includes(0)) continue; // gone since the listing, or binary
      content = bytes.toString('utf8');
    }
    const size = utf8Length(content);
    if (size > MAX_FILE_BYTES || total + size > MAX_WORKSPACE_BYTES) continue;
    total += size;
    files.push({ path: candidate.path, content });
  }
  if (!files.some((f) => f.path === entry)) {
    throw new HostError(
      ErrorCode.InvalidArgument,
      `"${entry}" cannot be run: it is not a text file of the workspace under ${MAX_FILE_BYTES / 2 ** 20} MB.`,
    );
  }
  return files;
}
