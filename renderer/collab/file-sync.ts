import * as Y from 'yjs';
import { isInside, workspacePathProblem } from '../../common/paths';
import type { Contract } from '../../common/contract';
import type { ClientOf } from '../../common/rpc';
import type { WorkspaceDocuments } from '../editor/workspace-documents';
import type { WorkbenchStore } from '../state/store';
import type { Notices } from '../workbench/notices';
import type { PeerFileOp, PeerOpRefusal } from '../../common/peer-file-ops';
import { addedFileOps, fileOpsArray, keysUnder, movedPath, renameKeys, type FileOp, type RoomFileKeys } from './file-op-log';
import type { GuestFiles } from './guest-files';
import { entriesFromPaths } from './room-mode';

// What each peer does when keys of the room doc's `files` map come and go: open tabs follow a
// rename and close on a delete, a guest's tree is redrawn, and the host applies what peers did to
// its disk through main's write policy (the only place that writes). The `files` and `fileOps` observers of one transaction
// only collect; the work happens once the whole transaction is in (afterTransaction).

interface FilesChange {
  added: string[];
  deleted: Set<string>;
  ops: FileOp[];
}

export interface FileSyncDeps {
  documents: Pick<WorkspaceDocuments, 'doc' | 'files' | 'rename' | 'adopt' | 'markSaved' | 'mergeFromDisk'>;
  store: WorkbenchStore;
  room: Pick<ClientOf<Contract>['room'], 'applyPeerChanges' | 'markShared'>;
  workspace: Pick<ClientOf<Contract>['workspace'], 'readFile'>;
  notices: Pick<Notices, 'attempt' | 'notify'>;
  guestFiles: Pick<GuestFiles, 'hostForget' | 'hostMove' | 'hostRelist' | 'listingMap' | 'roomPaths' | 'listedOnlyUnder' | 'moveListed'>;
  /** The workbench's: the host's Explorer re-reads the folder, a tab's dirty mark follows its text. */
  refreshTree: () => Promise<void>;
  updateDirty: (path: string) => void;
  /** Says refused changes on both sides (room-notices.ts). */
  reportRefusals: (refused: PeerOpRefusal[]) => void;
}

export interface FileSync {
  /** Starts watching the current doc's files; returns the disposer. */
  watchRoomFiles(): () => void;
  /** A guest's tree, drawn from the doc (on joining, before anything changed). */
  drawGuestTree(): void;
}

export function createFileSync(deps: FileSyncDeps): FileSync {
  const { documents, store: workbench, notices, guestFiles, refreshTree, updateDirty, reportRefusals } = deps;
  const { attempt, notify } = notices;
  const { hostForget, hostMove, hostRelist, listingMap, roomPaths } = guestFiles;
  const keys: RoomFileKeys = { documents, guestFiles, inRoom: () => workbench.get().collab.room !== null };
  /** Host: disk work runs one change after another, in the order the doc saw them. */
  let diskQueue: Promise<void> = Promise.resolve();

  function followTabs(change: FilesChange, closeDeleted: boolean): void {
    const renames = change.ops.filter((op): op is Extract<FileOp, { kind: 'rename' }> => op.kind === 'rename');
    const target = (tab: string): string | null => {
      if (!change.deleted.has(tab)) return tab;
      for (const op of renames) {
        const moved = movedPath(tab, op);
        if (moved !== tab && documents.files.has(moved)) return moved;
      }
      return closeDeleted ? null : tab;
    };
    const s = workbench.get();
    if (!s.tabs.some((tab) => change.deleted.has(tab))) return;
    const tabs = [...new Set(s.tabs.map(target).filter((t): t is string => t !== null))];
    const active = s.activeTab === null ? null : target(s.activeTab);
    const dirty: Record<string, boolean> = {};
    for (const [path, value] of Object.entries(s.dirty)) {
      const moved = target(path);
      if (moved !== null) dirty[moved] = value;
    }
    workbench.set({ tabs, activeTab: active ?? tabs.at(-1) ?? null, dirty });
  }

  function refreshGuestTree(): void {
    // Anything the renames above did not carry over has left the doc: its tab goes with it.
    workbench.set((s) => {
      const tabs = s.tabs.filter((t) => documents.files.has(t));
      const activeTab = s.activeTab && documents.files.has(s.activeTab) ? s.activeTab : (tabs.at(-1) ?? null);
      return { entries: entriesFromPaths(roomPaths()), treeTruncated: false, tabs, activeTab };
    });
  }

  /** Host: puts back into the doc what the disk kept, so the doc never holds what the host refused. */
  async function undoRefused(refused: PeerOpRefusal[], change: FilesChange): Promise<void> {
    for (const { op } of [...refused].reverse()) {
      if (op.kind === 'create') {
        documents.files.delete(op.path);
      } else if (op.kind === 'rename') {
        // Moved back as a rename, so every peer's open tabs follow the file home.
        if (keysUnder(keys, op.to).length > 0 && keysUnder(keys, op.from).length === 0) renameKeys(keys, op.to, op.from);
      } else if (op.kind === 'write') {
        await documents.mergeFromDisk(op.path).catch(() => false);
      } else {
        for (const key of change.deleted) {
          if (!isInside(key, op.path)) continue;
          const file = await deps.workspace.readFile({ path: key }).catch(() => null);
          if (file) documents.adopt(key, file.content);
        }
        // Files of a big folder that nobody had opened come back to the room's listing.
        hostRelist(op.path);
      }
    }
  }

  /**
   * Host: what a peer did to the room's files goes to main as one batch; main applies what the
   * host write policy allows (main/rooms/peer-write-gate.ts) and the rest is undone in the doc and
   * said on both sides.
   */
  async function applyToDisk(change: FilesChange): Promise<void> {
    const ops: PeerFileOp[] = [...change.ops];
    const renamedTo = change.ops.flatMap((op) => (op.kind === 'rename' ? [op.to] : []));
    for (const path of change.added) {
      if (workspacePathProblem(path) !== null || renamedTo.some((to) => isInside(path, to))) continue;
      ops.push({ kind: 'create', path, content: documents.files.get(path)?.toString() ?? '' });
    }
    if (ops.length === 0) return;
    const result = await attempt('Cannot apply a change from the room', () => deps.room.applyPeerChanges({ ops }));
    if (!result) return;
    for (const op of result.applied) {
      if (op.kind === 'create') documents.markSaved(op.path, op.content);
      // What members may ask for follows the disk (the watcher says so too, later).
      if (op.kind === 'delete') hostForget(op.path);
      if (op.kind !== 'rename') continue;
      hostMove(op.from, op.to);
      // Only texts in the doc: a listed file nobody opened has nothing to mark saved.
      for (const key of [...documents.files.keys()].filter((k) => isInside(k, op.to))) {
        const file = await deps.workspace.readFile({ path: key }).catch(() => null);
        if (file) documents.markSaved(key, file.content);
        updateDirty(key);
      }
    }
    if (result.refused.length > 0) {
      await undoRefused(result.refused, change);
      reportRefusals(result.refused);
    }
    await refreshTree();
  }

  /** Host: files the host itself put into the doc (opened, made, or found on disk) are shared. */
  function markShared(paths: string[]): void {
    if (paths.length > 0) void attempt('Cannot share the files with the room', () => deps.room.markShared({ paths }));
  }

  /** Starts watching the current doc's files; returns the disposer. */
  function watchRoomFiles(): () => void {
    const doc = documents.doc;
    const files = documents.files;
    const ops = fileOpsArray(doc);
    const pending = new Map<Y.Transaction, FilesChange>();
    const changeOf = (transaction: Y.Transaction): FilesChange => {
      let change = pending.get(transaction);
      if (!change) pending.set(transaction, (change = { added: [], deleted: new Set(), ops: [] }));
      return change;
    };
    const filesListener = (event: Y.YMapEvent<Y.Text>, transaction: Y.Transaction) => {
      const change = changeOf(transaction);
      for (const [path, key] of event.changes.keys) {
        if (key.action === 'add') change.added.push(path);
        else if (key.action === 'delete') change.deleted.add(path);
      }
    };
    const opsListener = (event: Y.YArrayEvent<unknown>, transaction: Y.Transaction) => {
      changeOf(transaction).ops.push(...addedFileOps(event));
    };
    // A big folder's listing (guest-files.ts): a guest's tree shows listed files too.
    const listing = listingMap();
    const listingListener = (_event: Y.YMapEvent<number>, transaction: Y.Transaction) => {
      changeOf(transaction);
    };
    const afterTransaction = (transaction: Y.Transaction) => {
      const change = pending.get(transaction);
      if (!change) return;
      pending.delete(transaction);
      const role = workbench.get().collab.room?.role;
      // The host's own deletions come from its disk: the workbench marks such tabs as deleted on disk.
      followTabs(change, !transaction.local || role === 'guest');
      if (role === 'guest') refreshGuestTree();
      if (role === 'owner' && transaction.local) markShared(change.added);
      if (role === 'owner' && !transaction.local && (change.ops.length > 0 || change.added.length > 0)) {
        diskQueue = diskQueue
          .then(() => applyToDisk(change))
          .catch((error: unknown) => notify(`Cannot apply a change from the room: ${error instanceof Error ? error.message : String(error)}`));
      }
    };
    files.observe(filesListener);
    ops.observe(opsListener);
    listing.observe(listingListener);
    doc.on('afterTransaction', afterTransaction);
    return () => {
      files.unobserve(filesListener);
      ops.unobserve(opsListener);
      listing.unobserve(listingListener);
      doc.off('afterTransaction', afterTransaction);
    };
  }

  /** A guest's tree, drawn from the doc (on joining, before anything changed). */
  function drawGuestTree(): void {
    if (workbench.get().collab.room?.role === 'guest') refreshGuestTree();
  }

  return { watchRoomFiles, drawGuestTree };
}
