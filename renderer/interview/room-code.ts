import { LANGUAGES, type LanguageId } from '../../common/languages';
import { MAX_FILES } from '../../common/sandbox';
import { documents } from '../editor/documents';
import { interviewState } from './interview-state';

/** The room's code for a language: every text file of the doc, the language's starter as entry. */
export function roomCode(language: LanguageId): { entry: string; files: Array<{ path: string; content: string }> } {
  const room = interviewState.get().room;
  const entry = room?.starters.find((s) => s.language === language)?.path ?? LANGUAGES[language].defaultEntry;
  const files = [...documents.files.entries()].slice(0, MAX_FILES).map(([path, text]) => ({ path, content: text.toString() }));
  return { entry, files };
}
