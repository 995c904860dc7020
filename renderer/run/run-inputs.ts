import { workbench, type RunLimitFields } from '../state/store';
import { notify } from '../workbench/actions';
import { getLogger } from '../log';

const log = getLogger('run-inputs');

// What the user types for runs (issue 11): stdin per file and the time and memory limits.
//
// Kept in the window's localStorage, per folder, not in the host's SQLite settings: stdin is a
// scratch buffer that changes on every keystroke and can be megabytes, while settings.update
// writes SQLite and broadcasts the whole settings object to every window. The price: the browser
// host started on another port is another origin, with its own storage.

const STORAGE_KEY = 'codecrafter.runInputs.v1';
/** Larger stdin still runs; it is just not kept across reloads (localStorage holds ~5 MB in all). */
const MAX_KEPT_STDIN_CHARS = 256 * 1024;
const SAVE_PAUSE_MS = 300;

interface StoredInputs {
  stdin: Record<string, string>;
  limits: RunLimitFields;
}
type Stored = Record<string, StoredInputs>;

function readStorage(): Stored {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Stored) : {};
  } catch (error) {
    log.warn('the stored stdin and limits could not be read; starting empty', { error });
    return {};
  }
}

function save(root: string): void {
  const { stdinByFile, runLimits } = workbench.get();
  const stdin = Object.fromEntries(Object.entries(stdinByFile).filter(([, text]) => text !== '' && text.length <= MAX_KEPT_STDIN_CHARS));
  const all = readStorage();
  all[root] = { stdin, limits: runLimits };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch (error) {
    log.warn('stdin and limits not saved', { error, root });
    notify('The stdin boxes are too large to keep across reloads; they still go with your runs.', 'warning', undefined, 'run-inputs-storage');
  }
}

/** Loads each folder's inputs when it opens and saves changes after a pause. Returns the disposer. */
export function startRunInputs(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const load = (root: string | undefined) => {
    const stored = root ? readStorage()[root] : undefined;
    workbench.set({ stdinByFile: stored?.stdin ?? {}, runLimits: { timeMs: stored?.limits?.timeMs ?? '', memoryMb: stored?.limits?.memoryMb ?? '' } });
  };
  load(workbench.get().workspace?.root);
  const unsubscribe = workbench.subscribe((state, previous) => {
    const root = state.workspace?.root;
    if (root !== previous.workspace?.root) {
      clearTimeout(timer);
      load(root);
      return;
    }
    if (root && (state.stdinByFile !== previous.stdinByFile || state.runLimits !== previous.runLimits)) {
      clearTimeout(timer);
      timer = setTimeout(() => save(root), SAVE_PAUSE_MS);
    }
  });
  const flush = () => {
    const root = workbench.get().workspace?.root;
    if (timer !== undefined && root) save(root);
    clearTimeout(timer);
  };
  // A reload right after typing must not lose the last keystrokes.
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}

export function setStdin(path: string, text: string): void {
  workbench.set((s) => ({ stdinByFile: { ...s.stdinByFile, [path]: text } }));
}

export { limitDefaults, limitProblems, limitsFor, type LimitProblems } from './run-limits';
