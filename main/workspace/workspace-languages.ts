// The languages a workspace is written in, most files first: the sandbox warms containers for
// them when the folder opens, so the first run is warm too (issue 11). Headers (.h) count for
// C and C++ alike, so they are left out; hidden folders are not the user's sources.
import { languageForFile, type LanguageId } from '../../common/languages';
import { listWorkspace } from './file-listing';

/** At most this many languages are warmed for one workspace: each keeps a container running. */
export const MAX_WORKSPACE_LANGUAGES = 2;

export async function workspaceLanguages(root: string, max = MAX_WORKSPACE_LANGUAGES): Promise<LanguageId[]> {
  const { entries } = await listWorkspace(root);
  const counts = new Map<LanguageId, number>();
  for (const entry of entries) {
    if (entry.kind !== 'file' || entry.path.endsWith('.h') || entry.path.split('/').some((s) => s.startsWith('.'))) continue;
    const language = languageForFile(entry.path)?.id;
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([language]) => language);
}
