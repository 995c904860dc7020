import { MAX_FILE_BYTES } from '../../common/file-limits';
import { LANGUAGES, type LanguageId } from '../../common/languages';
import { MAX_FILES, MAX_WORKSPACE_BYTES, utf8Length } from '../../common/sandbox';

// The files a guest run takes into the host's sandbox (issue 8 item 6): the ROOM'S text (what
// everyone sees in the editors, from the host's Y.Doc), never the host's disk — so a guest can
// neither read an unshared file nor run a stale one. The entry first, then the language's own
// sources (so helper modules import), within the sandbox's caps.

export type RoomRunFiles = { ok: true; files: Array<{ path: string; content: string }> } | { ok: false; problem: string };

export function roomRunFiles(room: Iterable<[string, string]>, language: LanguageId, entry: string): RoomRunFiles {
  const texts = new Map(room);
  const entryText = texts.get(entry);
  if (entryText === undefined) return { ok: false, problem: `"${entry}" is not a file of this room.` };
  if (utf8Length(entryText) > MAX_FILE_BYTES) return { ok: false, problem: `"${entry}" is too large to run (over ${MAX_FILE_BYTES / 2 ** 20} MB).` };
  const extensions = LANGUAGES[language].extensions;
  const files = [{ path: entry, content: entryText }];
  let total = utf8Length(entryText);
  const others = [...texts.keys()].filter((p) => p !== entry && extensions.some((e) => p.endsWith(e))).sort();
  for (const path of others) {
    if (files.length >= MAX_FILES) break;
    const content = texts.get(path)!;
    const size = utf8Length(content);
    if (size > MAX_FILE_BYTES || total + size > MAX_WORKSPACE_BYTES) continue;
    total += size;
    files.push({ path, content });
  }
  return { ok: true, files };
}
