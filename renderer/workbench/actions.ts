import { baseName, isInside, parentPath } from '../../common/paths';
import type { FileChange } from '../../common/types';
import { activeEditor, documents, guestFiles, notices } from '../app-context';
import { api } from '../host';
import { workbench } from '../state/store';
import { entriesFromPaths, inRoom, isGuest } from '../collab/room-mode';
import { deleteKeys, guestRenameProblem, renameKeys } from '../collab/file-ops';
import { openTerminal } from '../terminal/terminal-transport';

// What the user can do, as plain functions over the host API and the workbench state. Components,
// keyboard shortcuts, menus and the command palette all call these.

export const { notify, dismissToast, clearNotice, attempt, ask, confirm } = notices;

export async function loadRecent(): Promise<void> {
  const recent = await attempt('Cannot read recent folders', () => api.recent.list());
  if (recent) workbench.set({ recent });
}

export async function openFolder(path: string): Promise<boolean> {
  const info = await attempt('Cannot open folder', () => api.workspace.open({ path: path.trim() }));
  if (!info) return false;
  documents.clear();
  workbench.set({ workspace: info, tabs: [], activeTab: null, dirty: {}, orphaned: {}, selectedPath: null, expanded: {} });
  document.title = `${info.name} — CodeCrafter`;
  await Promise.all([refreshTree(), loadRecent()]);
  return true;
}

export async function pickAndOpenFolder(): Promise<void> {
  try {
    const { path } = await api.dialog.pickFolder({});
    if (path) await openFolder(path);
  } catch (error) {
    notify(error instanceof Error ? error.message : String(error), 'info');
  }
}

export async function closeFolder(): Promise<void> {
  await attempt('Cannot close folder', () => api.workspace.close({}));
  documents.clear();
  workbench.set({ workspace: null, entries: [], tabs: [], activeTab: null, dirty: {}, orphaned: {} });
  document.title = 'CodeCrafter';
  await loadRecent();
}

export async function refreshTree(): Promise<void> {
  // A guest's tree is the room doc's files (issue 4); it has no folder to list.
  if (isGuest()) return workbench.set({ entries: entriesFromPaths(guestFiles.roomPaths()), treeTruncated: false });
  const tree = await attempt('Cannot list the folder', () => api.workspace.listFiles({}));
  if (tree) workbench.set({ entries: tree.entries, treeTruncated: tree.truncated });
}

export async function openFile(path: string): Promise<void> {
  const text = await attempt(`Cannot open "${path}"`, () => documents.open(path));
  if (!text) return;
  workbench.set((s) => ({
    tabs: s.tabs.includes(path) ? s.tabs : [...s.tabs, path],
    activeTab: path,
    selectedPath: path,
    expanded: expandParents(s.expanded, path),
  }));
}

/** The language mode of the active file, as picked in the status bar; the editor follows. */
export function setLanguageMode(languageId: string): void {
  const path = workbench.get().activeTab;
  if (path) workbench.set((s) => ({ languageOverrides: { ...s.languageOverrides, [path]: languageId } }));
}

/** Shows the Explorer with the active file's folders opened and the file selected. */
export function revealActiveFile(): void {
  const path = workbench.get().activeTab;
  if (!path) return;
  workbench.set((s) => ({ sideView: 'explorer', sideBarVisible: true, selectedPath: path, expanded: expandParents(s.expanded, path) }));
}

function expandParents(expanded: Record<string, boolean>, path: string): Record<string, boolean> {
  const next = { ...expanded };
  for (let p = parentPath(path); p !== ''; p = parentPath(p)) next[p] = true;
  return next;
}

export function updateDirty(path: string): void {
  const dirty = documents.isDirty(path);
  if ((workbench.get().dirty[path] ?? false) !== dirty) workbench.set((s) => ({ dirty: { ...s.dirty, [path]: dirty } }));
}

export async function saveFile(path: string | null = workbench.get().activeTab): Promise<boolean> {
  if (!path) return false;
  if (isGuest()) {
    notify('In a room only the host writes to disk: ask them to save (Ctrl+S). Your edits are already with everyone.', 'info');
    return false;
  }
  const ok = await attempt(`Cannot save "${path}"`, async () => {
    await documents.save(path);
    return true;
  });
  if (ok) {
    workbench.set((s) => ({ orphaned: { ...s.orphaned, [path]: false } }));
    updateDirty(path);
  }
  return ok ?? false;
}

export async function saveAll(): Promise<void> {
  for (const path of workbench.get().tabs) if (documents.isDirty(path)) await saveFile(path);
}

export async function closeTab(path: string): Promise<void> {
  // As VS Code: Save (the default), Don't Save, or Cancel. A room guest cannot save to disk, so
  // the choice is only to close or not.
  if (documents.isDirty(path) && !isGuest()) {
    const choice = await ask(`Save changes to "${baseName(path)}"?`, 'Your changes will be lost if you don\'t save them.', [
      { id: 'save', label: 'Save', primary: true },
      { id: 'discard', label: "Don't Save" },
    ]);
    if (choice === 'cancel') return;
    if (choice === 'save' && !(await saveFile(path))) return;
  } else if (documents.isDirty(path) && !(await confirm(`Close "${baseName(path)}"?`, 'Its edits stay in the room.', 'Close'))) {
    return;
  }
  documents.close(path);
  workbench.set((s) => {
    const index = s.tabs.indexOf(path);
    const tabs = s.tabs.filter((t) => t !== path);
    const activeTab = s.activeTab === path ? (tabs[Math.min(index, tabs.length - 1)] ?? null) : s.activeTab;
    const { [path]: _dirty, ...dirty } = s.dirty;
    return { tabs, activeTab, dirty };
  });
}

export async function createEntry(kind: 'file' | 'directory', path: string): Promise<boolean> {
  // A guest creates files in the room doc; the host writes them to disk (issue 4).
  if (isGuest()) {
    const problem = guestFiles.createGuestFile(kind, path);
    if (problem) notify(problem, 'info');
    else await openFile(path);
    return problem === null;
  }
  const done = await attempt(`Cannot create "${path}"`, async () => {
    if (kind === 'file') await api.workspace.createFile({ path });
    else await api.workspace.createFolder({ path });
    return true;
  });
  if (!done) return false;
  await refreshTree();
  workbench.set((s) => ({ selectedPath: path, expanded: expandParents(s.expanded, path) }));
  if (kind === 'file') await openFile(path);
  return true;
}

export async function renameEntry(from: string, to: string): Promise<boolean> {
  if (from === to) return true;
  // A guest renames in the room doc; the host moves the file on disk (renderer/collab/file-sync.ts).
  const problem = isGuest() ? guestRenameProblem(from, to) : null;
  if (problem) notify(problem, 'info');
  const done =
    !problem &&
    (isGuest() ||
      (await attempt(`Cannot rename "${from}"`, async () => {
        await api.workspace.rename({ from, to });
        return true;
      })));
  if (!done) return false;
  renameKeys(from, to);
  const move = (p: string) => (isInside(p, from) ? to + p.slice(from.length) : p);
  workbench.set((s) => ({
    tabs: s.tabs.map(move),
    activeTab: s.activeTab && move(s.activeTab),
    selectedPath: to,
    dirty: Object.fromEntries(Object.entries(s.dirty).map(([p, d]) => [move(p), d])),
  }));
  await refreshTree();
  return true;
}

export async function deleteEntry(path: string): Promise<boolean> {
  const entry = workbench.get().entries.find((e) => e.path === path);
  const what = entry?.kind === 'directory' ? 'folder and everything in it' : 'file';
  const ok = await confirm(`Delete "${baseName(path)}"?`, `The ${what} will be deleted from disk. This cannot be undone.`, 'Delete');
  if (!ok) return false;
  const done = await attempt(`Cannot delete "${path}"`, async () => {
    // A guest deletes from the room doc; the host deletes from disk (renderer/collab/file-sync.ts).
    if (!isGuest()) await api.workspace.delete({ path });
    // The host's keys leave the doc here too: the tree listing that follows can reach the watcher
    // before it reports the deletion, and then it never does.
    if (inRoom()) deleteKeys(path);
    return true;
  });
  if (!done) return false;
  for (const tab of workbench.get().tabs) {
    if (isInside(tab, path)) {
      documents.close(tab);
      workbench.set((s) => ({ tabs: s.tabs.filter((t) => t !== tab), activeTab: s.activeTab === tab ? null : s.activeTab }));
    }
  }
  workbench.set((s) => ({ selectedPath: null, activeTab: s.activeTab ?? s.tabs.at(-1) ?? null }));
  await refreshTree();
  return true;
}

/** Outside changes reported by the host: refresh the tree and merge changed open files. */
export async function handleFileChanges(changes: FileChange[]): Promise<void> {
  const open = new Set(workbench.get().tabs);
  for (const change of changes) {
    if (!open.has(change.path)) continue;
    if (change.kind === 'deleted') {
      documents.forgetDisk(change.path);
      workbench.set((s) => ({ orphaned: { ...s.orphaned, [change.path]: true } }));
      updateDirty(change.path);
    } else if (change.entryKind === 'file') {
      await attempt(`Cannot reload "${change.path}"`, () => documents.mergeFromDisk(change.path));
      workbench.set((s) => ({ orphaned: { ...s.orphaned, [change.path]: false } }));
      updateDirty(change.path);
    }
  }
  if (changes.some((c) => c.kind !== 'changed' || c.entryKind === 'directory')) await refreshTree();
}

export async function newTerminal(): Promise<void> {
  const info = await attempt('Cannot open a terminal', () => openTerminal(() => api.terminal.create({ cols: 80, rows: 24 })));
  if (info) workbench.set((s) => ({ terminals: [...s.terminals, info], activeTerminal: info.id, panelVisible: true, panelView: 'terminal' }));
}

export async function killTerminal(id: string): Promise<void> {
  await attempt('Cannot close the terminal', () => api.terminal.kill({ id }));
  removeTerminal(id);
}

export function removeTerminal(id: string): void {
  workbench.set((s) => {
    const terminals = s.terminals.filter((t) => t.id !== id);
    return { terminals, activeTerminal: s.activeTerminal === id ? (terminals.at(-1)?.id ?? null) : s.activeTerminal };
  });
}

/** Focuses the shown terminal once React has put it on the page (it may mount with the panel). */
function focusShownTerminal(tries = 10): void {
  const input = document.querySelector<HTMLElement>('.terminal-host:not([hidden]) .xterm-helper-textarea');
  if (input) input.focus();
  else if (tries > 0) requestAnimationFrame(() => focusShownTerminal(tries - 1));
}

/**
 * Ctrl+` as in VS Code: from a focused terminal it hides the panel; anywhere else it shows the
 * panel's Terminal tab, whatever tab was shown last (issue 11), and focuses the terminal.
 */
export async function toggleTerminal(): Promise<void> {
  const { panelVisible, panelView } = workbench.get();
  const inTerminal = Boolean(document.activeElement?.closest('.terminal-host'));
  if (panelVisible && panelView === 'terminal' && inTerminal) {
    workbench.set({ panelVisible: false });
    activeEditor.focus();
    return;
  }
  workbench.set({ panelVisible: true, panelView: 'terminal' });
  if (workbench.get().terminals.length === 0) await newTerminal();
  focusShownTerminal();
}

export async function togglePanel(): Promise<void> {
  const visible = !workbench.get().panelVisible;
  workbench.set({ panelVisible: visible });
  if (visible && workbench.get().panelView === 'terminal' && workbench.get().terminals.length === 0) await newTerminal();
}

/**
 * Shown at once (controls are bound to the store, and a checkbox that waits for main's answer
 * flips back under the user's click), then what main kept; put back if main refuses it.
 */
export async function updateSettings(patch: Parameters<typeof api.settings.update>[0]): Promise<void> {
  const before = workbench.get().settings;
  workbench.set((s) => ({ settings: { ...s.settings, ...patch } }));
  const settings = await attempt('Cannot save settings', () => api.settings.update(patch));
  workbench.set((s) => ({ settings: settings ?? { ...s.settings, ...Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof typeof before]])) } }));
}
