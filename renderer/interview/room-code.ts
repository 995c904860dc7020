import { LANGUAGES, type LanguageId } from '../../common/languages';
import { MAX_FILES } from '../../common/sandbox';
import type { RoomInterview } from './room-interview';

/** The room's code for a language: every text file of the doc, the language's starter as entry. */
export function roomCode(
  language: LanguageId,
  room: RoomInterview | null,
  files: { entries(): Iterable<[string, { toString(): string }]> },
): { entry: string; files: Array<{ path: string; content: string }> } {
  const entry = room?.starters.find((s) => s.language === language)?.path ?? LANGUAGES[language].defaultEntry;
  return { entry, files: [...files.entries()].slice(0, MAX_FILES).map(([path, text]) => ({ path, content: text.toString() })) };
}
