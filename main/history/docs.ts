// The workspace document layout (DESIGN.md section 3) as history sees it.
import * as Y from 'yjs';

export const FILES_MAP = 'files';

/** Text of every file in the doc, keyed by workspace-relative path, sorted by path. */
export function filesOf(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  const files = doc.getMap(FILES_MAP);
  for (const path of [...files.keys()].sort()) {
    const value = files.get(path);
    if (value instanceof Y.Text) out[path] = value.toString();
  }
  return out;
}
