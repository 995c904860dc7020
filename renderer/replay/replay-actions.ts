import * as Y from 'yjs';
import type { ReplayPoint } from '../../common/history';
import { diffEdits } from '../../common/text-merge';
import { applyTextEdits, documents } from '../editor/documents';
import { api } from '../host';
import { workbench } from '../state/store';
import { attempt, notify, openFolder } from '../workbench/actions';
import { fromBase64 } from './base64';
import { replayState } from './replay-state';
import { TxOrigin } from '../../common/origins';

// What the Replay view and player do: open a session, restore a moment into the live editors,
// fork a moment into a new folder, export and import session files.

/** Restores are edits like any other: recorded, undoable by restoring again, never a rewrite. */

/** Opens the player on a session, at its end or at the moment `at` (ms since the epoch). */
export function openPlayer(sessionId: string, at: number | null = null): void {
  replayState.set({ playerSession: sessionId, playerAt: at });
}

export function closePlayer(): void {
  replayState.set({ playerSession: null });
}

/** Puts the files as they were at `at` into the open editors, as minimal edits. */
export async function restoreMoment(sessionId: string, at: ReplayPoint): Promise<boolean> {
  const result = await attempt('Cannot restore', () => api.history.filesAt({ sessionId, at }));
  if (!result) return false;
  const paths = Object.keys(result.files);
  documents.doc.transact(() => {
    for (const [path, content] of Object.entries(result.files)) {
      const text = documents.files.get(path);
      if (text) applyTextEdits(text, diffEdits(text.toString(), content), TxOrigin.snapshotRestore);
      else {
        const created = new Y.Text();
        documents.files.set(path, created);
        created.insert(0, content);
      }
    }
  }, TxOrigin.snapshotRestore);
  workbench.set((s) => ({ tabs: [...s.tabs, ...paths.filter((p) => !s.tabs.includes(p))], activeTab: s.activeTab ?? paths[0] ?? null }));
  for (const path of paths) workbench.set((s) => ({ dirty: { ...s.dirty, [path]: documents.isDirty(path) } }));
  notify(`Restored ${paths.length} file${paths.length === 1 ? '' : 's'} as of edit ${result.seq}; save to keep them on disk.`, 'info');
  closePlayer();
  return true;
}

export async function forkMoment(sessionId: string, at: ReplayPoint, folder: string): Promise<boolean> {
  const fork = await attempt('Cannot fork the session', () => api.history.fork({ sessionId, at, folder: folder.trim() }));
  if (!fork) return false;
  closePlayer();
  const opened = await openFolder(fork.folder);
  if (opened) notify(`Forked into ${fork.folder} (${fork.files} files); its history continues from that moment.`, 'info');
  return opened;
}

export async function exportSession(sessionId: string): Promise<void> {
  const file = await attempt('Cannot export the session', () => api.history.exportSession({ sessionId }));
  if (!file) return;
  const blob = new Blob([fromBase64(file.data) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  notify(`Exported to ${file.path} (${Math.ceil(file.bytes / 1024)} KB).`, 'info');
}

async function readAsBase64(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}

/** Imports a session file; a broken one is refused whole, and the error says what is wrong with it. */
export async function importSessionFile(file: File): Promise<string> {
  const info = await api.history.importSession({ name: file.name, data: await readAsBase64(file) });
  notify(`Imported "${info.title ?? file.name}" (${info.lastSeq} edits).`, 'info');
  return info.id;
}
