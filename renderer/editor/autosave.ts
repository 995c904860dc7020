import type { WorkbenchStore } from '../state/store';

// Autosave as VS Code's files.autoSave (issue 11): 'afterDelay' saves a file that pause after its
// last edit, 'onFocusChange' saves every edited file when the editor loses the focus. A room
// guest never writes to disk, so neither applies to them. The editor view makes one for its
// editor and disposes it with the editor.

export interface AutoSaveDeps {
  store: WorkbenchStore;
  /** Whether the editor's text of `path` differs from the disk. */
  isDirty(path: string): boolean;
  save(path: string): Promise<unknown>;
  saveAll(): Promise<unknown>;
  isGuest(): boolean;
}

export interface AutoSave {
  /** The editor's text of `path` changed. */
  edited(path: string): void;
  /** The editor lost the focus. */
  blurred(): void;
  /** Drops the saves still waiting. */
  dispose(): void;
}

export function createAutoSave({ store, isDirty, save, saveAll, isGuest }: AutoSaveDeps): AutoSave {
  /** Each file's save waiting for the pause after its last edit. */
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const mode = (): 'off' | 'afterDelay' | 'onFocusChange' => (isGuest() ? 'off' : store.get().settings.autoSave);
  return {
    edited(path) {
      if (mode() !== 'afterDelay') return;
      clearTimeout(timers.get(path));
      timers.set(
        path,
        setTimeout(() => {
          timers.delete(path);
          if (mode() === 'afterDelay' && isDirty(path)) void save(path);
        }, store.get().settings.autoSaveDelayMs),
      );
    },
    blurred() {
      if (mode() === 'onFocusChange') void saveAll();
    },
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
