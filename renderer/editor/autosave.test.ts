import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/types';
import { createWorkbenchStore, type WorkbenchStore } from '../state/store';
import { createAutoSave, type AutoSave } from './autosave';

// Autosave's timers on a fake clock: a file is saved once, a pause after its last edit, and only
// in the mode that asks for it.

let store: WorkbenchStore;
let saved: string[];
let savedAll: number;
let guest: boolean;
let dirty: Set<string>;
let autoSave: AutoSave;

beforeEach(() => {
  vi.useFakeTimers();
  store = createWorkbenchStore();
  store.set({ settings: { ...DEFAULT_SETTINGS, autoSave: 'afterDelay', autoSaveDelayMs: 1000 } });
  saved = [];
  savedAll = 0;
  guest = false;
  dirty = new Set(['a.py', 'b.py']);
  autoSave = createAutoSave({
    store,
    isDirty: (path) => dirty.has(path),
    save: async (path) => saved.push(path),
    saveAll: async () => savedAll++,
    isGuest: () => guest,
  });
});

afterEach(() => {
  autoSave.dispose();
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves a file once, the delay after its last edit', () => {
    autoSave.edited('a.py');
    vi.advanceTimersByTime(600);
    autoSave.edited('a.py');
    vi.advanceTimersByTime(600);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(saved).toEqual(['a.py']);
    vi.advanceTimersByTime(5000);
    expect(saved).toEqual(['a.py']);
  });

  it('keeps a timer per file', () => {
    autoSave.edited('a.py');
    vi.advanceTimersByTime(500);
    autoSave.edited('b.py');
    vi.advanceTimersByTime(500);
    expect(saved).toEqual(['a.py']);
    vi.advanceTimersByTime(500);
    expect(saved).toEqual(['a.py', 'b.py']);
  });

  it('does not save a file that is clean by then, nor after the mode changed', () => {
    autoSave.edited('a.py');
    autoSave.edited('b.py');
    dirty.delete('a.py');
    store.set((s) => ({ settings: { ...s.settings, autoSave: 'off' } }));
    vi.advanceTimersByTime(1000);
    expect(saved).toEqual([]);
  });

  it('saves every file when the editor loses the focus in onFocusChange mode only', () => {
    autoSave.blurred();
    expect(savedAll).toBe(0);
    store.set((s) => ({ settings: { ...s.settings, autoSave: 'onFocusChange' } }));
    autoSave.blurred();
    expect(savedAll).toBe(1);
    autoSave.edited('a.py');
    vi.advanceTimersByTime(5000);
    expect(saved).toEqual([]);
  });

  it('never saves for a room guest', () => {
    guest = true;
    autoSave.edited('a.py');
    vi.advanceTimersByTime(1000);
    store.set((s) => ({ settings: { ...s.settings, autoSave: 'onFocusChange' } }));
    autoSave.blurred();
    expect(saved).toEqual([]);
    expect(savedAll).toBe(0);
  });

  it('drops the waiting saves when disposed', () => {
    autoSave.edited('a.py');
    autoSave.dispose();
    vi.advanceTimersByTime(1000);
    expect(saved).toEqual([]);
  });
});
