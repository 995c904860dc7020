import * as Y from 'yjs';
import type { Contract } from '../../common/contract';
import type { ReplayPoint } from '../../common/history';
import { TxOrigin } from '../../common/origins';
import type { ClientOf } from '../../common/rpc';
import { diffEdits } from '../../common/text-merge';
import { applyTextEdits, type WorkspaceDocuments } from '../editor/workspace-documents';
import type { WorkbenchStore } from '../state/store';
import type { Notices } from '../workbench/notices';
import { fromBase64 } from './base64';

// What the Replay view and player do: open a session, restore a moment into the live editors,
// fork a moment into a new folder, export and import session files; a controller over the host's
// history service, the store and the open documents.

export interface ReplayControllerDeps {
  history: Pick<ClientOf<Contract>['history'], 'filesAt' | 'fork' | 'exportSession' | 'importSession'>;
  store: WorkbenchStore;
  documents: Pick<WorkspaceDocuments, 'doc' | 'files' | 'isDirty'>;
  notices: Pick<Notices, 'attempt' | 'notify'>;
  /** Hands an exported file to the user (the page's download; a test keeps it). */
  download(name: string, bytes: Uint8Array): void;
}

export interface ForkedSession {
  folder: string;
  files: number;
}

export interface ReplayController {
  /** Opens the player on a session, at its end or at the moment `at` (ms since the epoch). */
  openPlayer(sessionId: string, at?: number | null): void;
  closePlayer(): void;
  /** Puts the files as they were at `at` into the open editors, as minimal edits. */
  restoreMoment(sessionId: string, at: ReplayPoint): Promise<boolean>;
  /** Writes the files as they were at `at` into a new folder; the caller opens it. */
  forkMoment(sessionId: string, at: ReplayPoint, folder: string): Promise<ForkedSession | undefined>;
  exportSession(sessionId: string): Promise<void>;
  /** Imports a session file; a broken one is refused whole, and the error says what is wrong with it. */
  importSession(name: string, base64: string): Promise<string>;
}

export function createReplayController(deps: ReplayControllerDeps): ReplayController {
  const { history, store, documents, notices } = deps;
  const controller: ReplayController = {
    openPlayer(sessionId, at = null) {
      store.set({ playerSession: sessionId, playerAt: at });
    },

    closePlayer() {
      store.set({ playerSession: null });
    },

    async restoreMoment(sessionId, at) {
      const result = await notices.attempt('Cannot restore', () => history.filesAt({ sessionId, at }));
      if (!result) return false;
      const paths = Object.keys(result.files);
      // Restores are edits like any other: recorded, undoable by restoring again, never a rewrite.
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
      store.set((s) => ({
        tabs: [...s.tabs, ...paths.filter((p) => !s.tabs.includes(p))],
        activeTab: s.activeTab ?? paths[0] ?? null,
        dirty: { ...s.dirty, ...Object.fromEntries(paths.map((p) => [p, documents.isDirty(p)])) },
      }));
      notices.notify(`Restored ${paths.length} file${paths.length === 1 ? '' : 's'} as of edit ${result.seq}; save to keep them on disk.`, 'info');
      controller.closePlayer();
      return true;
    },

    async forkMoment(sessionId, at, folder) {
      const fork = await notices.attempt('Cannot fork the session', () => history.fork({ sessionId, at, folder: folder.trim() }));
      if (!fork) return undefined;
      controller.closePlayer();
      return { folder: fork.folder, files: fork.files };
    },

    async exportSession(sessionId) {
      const file = await notices.attempt('Cannot export the session', () => history.exportSession({ sessionId }));
      if (!file) return;
      deps.download(file.name, fromBase64(file.data));
      notices.notify(`Exported to ${file.path} (${Math.ceil(file.bytes / 1024)} KB).`, 'info');
    },

    async importSession(name, base64) {
      const info = await history.importSession({ name, data: base64 });
      notices.notify(`Imported "${info.title ?? name}" (${info.lastSeq} edits).`, 'info');
      return info.id;
    },
  };
  return controller;
}
