import { isGuest } from '../collab/room-mode';
import { workbench } from '../state/store';
import { saveAll, saveFile } from '../workbench/actions';
import { documents } from './documents';

// Autosave as VS Code's files.autoSave (issue 11): 'afterDelay' saves a file that pause after its
// last edit, 'onFocusChange' saves every edited file when the editor loses the focus. A room
// guest never writes to disk, so neither applies to them.

const timers = new Map<string, ReturnType<typeof setTimeout>>();

function mode(): 'off' | 'afterDelay' | 'onFocusChange' {
  return isGuest() ? 'off' : workbench.get().settings.autoSave;
}

/** The editor's text of `path` changed. */
export function editedForAutoSave(path: string): void {
  if (mode() !== 'afterDelay') return;
  clearTimeout(timers.get(path));
  timers.set(
    path,
    setTimeout(() => {
      timers.delete(path);
      if (mode() === 'afterDelay' && documents.isDirty(path)) void saveFile(path);
    }, workbench.get().settings.autoSaveDelayMs),
  );
}

/** The editor lost the focus. */
export function editorBlurredForAutoSave(): void {
  if (mode() === 'onFocusChange') void saveAll();
}

export function stopAutoSave(): void {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
}
