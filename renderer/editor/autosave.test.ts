import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/types';
import { createWorkbenchStore } from '../state/store';
import { createAutoSave, type AutoSave } from './autosave';

// Autosave's timers on a fake clock: a file is saved once, a pause after its last edit, and only
// in the mode that asks for it.

/** An autosave over a store of its own, with the saves it asked for recorded. */
function setup() {
  vi.useFakeTimers();
  const store = createWorkbenchStore();
  store.set({ settings: { ...DEFAULT_SETTINGS, autoSave: 'afterDelay', autoSaveDelayMs: 1000 } });
  const t = { store, saved: [] as string[], savedAll: 0, guest: false, dirty: new Set(['a.py', 'b.py']), autoSave: null as unknown as AutoSave };
  t.autoSave = createAutoSave({
    store,
    isDirty: (path) => t.dirty.has(path),
    save: async (path) => t.saved.push(path),
    saveAll: async () => t.savedAll++,
    isGuest: () => t.guest,
  });
  onTestFinished(() => {
    t.autoSave.dispose();
    vi.useRealTimers();
  });
  return t;
}

describe('autosave', () => {
  it('saves a file once, the delay after its last edit', () => {
    const t = setup();
    t.autoSave.edited('a.py');
    vi.advanceTimersByTime(600);
    t.autoSave.edited('a.py');
    vi.advanceTimersByTime(600);
    expect(t.saved).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(t.saved).toEqual(['a.py']);
    vi.advanceTimersByTime(5000);
    expect(t.saved).toEqual(['a.py']);
  });

  it('keeps a timer per file', () => {
    const t = setup();
    t.autoSave.edited('a.py');
    vi.advanceTimersByTime(500);
    t.autoSave.edited('b.py');
    vi.advanceTimersByTime(500);
    expect(t.saved).toEqual(['a.py']);
    vi.advanceTimersByTime(500);
    expect(t.saved).toEqual(['a.py', 'b.py']);
  });

  it('does not save a file that is clean by then, nor after the mode changed', () => {
    const t = setup();
    t.autoSave.edited('a.py');
    t.autoSave.edited('b.py');
    t.dirty.delete('a.py');
    t.store.set((s) => ({ settings: { ...s.settings, autoSave: 'off' } }));
    vi.advanceTimersByTime(1000);
    expect(t.saved).toEqual([]);
  });

  it('saves every file when the editor loses the focus in onFocusChange mode only', () => {
    const t = setup();
    t.autoSave.blurred();
    expect(t.savedAll).toBe(0);
    t.store.set((s) => ({ settings: { ...s.settings, autoSave: 'onFocusChange' } }));
    t.autoSave.blurred();
    expect(t.savedAll).toBe(1);
    t.autoSave.edited('a.py');
    vi.advanceTimersByTime(5000);
    expect(t.saved).toEqual([]);
  });

  it('never saves for a room t.guest', () => {
    const t = setup();
    t.guest = true;
    t.autoSave.edited('a.py');
    vi.advanceTimersByTime(1000);
    t.store.set((s) => ({ settings: { ...s.settings, autoSave: 'onFocusChange' } }));
    t.autoSave.blurred();
    expect(t.saved).toEqual([]);
    expect(t.savedAll).toBe(0);
  });

  it('drops the waiting saves when disposed', () => {
    const t = setup();
    t.autoSave.edited('a.py');
    t.autoSave.dispose();
    vi.advanceTimersByTime(1000);
    expect(t.saved).toEqual([]);
  });
});
