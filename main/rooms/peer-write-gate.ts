import { realpath } from 'node:fs/promises';
import { protectedFolderOf } from '../../common/hidden-paths';
import { isInside, workspacePathProblem } from '../../common/paths';
import type { PeerChangesResult, PeerFileOp } from '../../common/peer-file-ops';
import { fsError } from '../workspace/fs-errors';
import { createFileNoFollow, entryKind, removeEntry, renameNoFollow, RefusedWrite, walkFolder, writeFileNoFollow } from './room-disk';

// The host write policy (issue 8, item 4; docs/trust.md). A member's create, rename, delete and
// edit reach the host's disk only for files the host shared or the room created, never inside a
// protected folder (common/hidden-paths.ts), never through a link (room-disk.ts), and within the
// room's caps. Everything refused is returned with a reason for both sides; nothing refused
// touches the disk.

export interface RoomCaps {
  /** Files the room's members may add to the host's folder. */
  maxFiles: number;
  /** Bytes the room's members may add to the host's folder (net growth). */
  maxBytes: number;
}

const MB = 1024 * 1024;

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export class PeerWriteGate {
  /** Files a member may edit, rename or delete: shared by the host or created in the room. */
  private readonly roomFiles = new Set<string>();
  /** The subset the room created: they count against the file cap. */
  private readonly created = new Set<string>();
  private addedBytes = 0;
  private realRoot: Promise<string> | null = null;

  constructor(
    private readonly root: string,
    private readonly caps: RoomCaps,
  ) {}

  /** The host put these files into the room; folders and protected paths are ignored. */
  markShared(paths: Iterable<string>): void {
    for (const p of paths) if (workspacePathProblem(p) === null && protectedFolderOf(p) === null) this.roomFiles.add(p);
  }

  /** What the room has added so far, for the status line and tests. */
  usage(): { files: number; bytes: number } {
    return { files: this.created.size, bytes: this.addedBytes };
  }

  /**
   * Applies one peer transaction's operations in order. A batch that would pass a cap is refused
   * whole (the first file of 10,000 is as unwanted as the last); otherwise each operation is
   * applied or refused on its own.
   */
  async apply(ops: PeerFileOp[]): Promise<PeerChangesResult> {
    const root = await (this.realRoot ??= realpath(this.root));
    const result: PeerChangesResult = { applied: [], refused: [] };
    const overCap = await this.capProblem(root, ops);
    if (overCap) {
      result.refused = ops.map((op) => ({ op, reason: overCap }));
      return result;
    }
    for (const op of ops) {
      try {
        await this.applyOne(root, op);
        result.applied.push(op);
      } catch (error) {
        const reason = error instanceof RefusedWrite ? error.message : fsError(error, `Cannot apply ${op.kind} of "${op.kind === 'rename' ? op.from : op.path}"`).message;
        result.refused.push({ op, reason });
      }
    }
    return result;
  }

  private async capProblem(root: string, ops: PeerFileOp[]): Promise<string | null> {
    let files = this.created.size;
    let bytes = this.addedBytes;
    const creating = new Set<string>();
    for (const op of ops) {
      if (op.kind === 'create' && !creating.has(op.path)) {
        creating.add(op.path);
        files++;
        bytes += utf8Bytes(op.content);
      } else if (op.kind === 'write') {
        const existing = creating.has(op.path) ? null : await entryKind(root, op.path).catch(() => null);
        bytes += utf8Bytes(op.content) - (existing?.size ?? 0);
      }
    }
    if (files > this.caps.maxFiles) {
      return `A room may add at most ${this.caps.maxFiles.toLocaleString('en-US')} files to the host's folder (Settings); this change would make it ${files.toLocaleString('en-US')}.`;
    }
    if (bytes > this.caps.maxBytes) {
      return `A room may add at most ${Math.round(this.caps.maxBytes / MB).toLocaleString('en-US')} MB to the host's folder (Settings); this change would make it ${(bytes / MB).toFixed(1)} MB.`;
    }
    return null;
  }

  private checkPath(path: string): void {
    const problem = workspacePathProblem(path);
    if (problem) throw new RefusedWrite(`"${path.slice(0, 200)}": ${problem}.`);
    const folder = protectedFolderOf(path);
    if (folder) throw new RefusedWrite(`"${path}" is inside "${folder}", which a room never writes (it can run commands on the host).`);
  }

  private requireRoomFile(path: string): void {
    if (!this.roomFiles.has(path)) throw new RefusedWrite(`"${path}" was not shared in this room; only the host can change it.`);
  }

  /** The room files of a folder or file at `path`, checked: everything in it must be the room's. */
  private async roomEntriesAt(root: string, path: string): Promise<Map<string, number>> {
    const entry = await entryKind(root, path);
    if (!entry) throw new RefusedWrite(`"${path}" no longer exists on the host.`);
    if (entry.kind === 'link') throw new RefusedWrite(`"${path}" is a symbolic link; a room never changes links.`);
    if (entry.kind === 'file') {
      this.requireRoomFile(path);
      return new Map([[path, entry.size]]);
    }
    if (entry.kind !== 'directory') throw new RefusedWrite(`"${path}" is not a file or folder.`);
    const { files, others } = await walkFolder(root, path);
    if (others.length > 0) throw new RefusedWrite(`"${path}" holds "${others[0]}", which is not a plain file; only the host can change it.`);
    for (const file of files.keys()) {
      this.checkPath(file);
      if (!this.roomFiles.has(file)) throw new RefusedWrite(`"${path}" holds "${file}", which was not shared in this room; only the host can change it.`);
    }
    return files;
  }

  private async applyOne(root: string, op: PeerFileOp): Promise<void> {
    switch (op.kind) {
      case 'create': {
        this.checkPath(op.path);
        if ((await entryKind(root, op.path)) !== null) throw new RefusedWrite(`"${op.path}" already exists on the host.`);
        await createFileNoFollow(root, op.path, op.content);
        this.roomFiles.add(op.path);
        this.created.add(op.path);
        this.addedBytes += utf8Bytes(op.content);
        return;
      }
      case 'write': {
        this.checkPath(op.path);
        this.requireRoomFile(op.path);
        const before = (await entryKind(root, op.path))?.size ?? 0;
        await writeFileNoFollow(root, op.path, op.content);
        this.addedBytes += utf8Bytes(op.content) - before;
        return;
      }
      case 'delete': {
        this.checkPath(op.path);
        const files = await this.roomEntriesAt(root, op.path);
        await removeEntry(root, op.path);
        for (const [file, size] of files) {
          this.roomFiles.delete(file);
          if (this.created.delete(file)) this.addedBytes -= size;
        }
        return;
      }
      case 'rename': {
        this.checkPath(op.from);
        this.checkPath(op.to);
        if (isInside(op.to, op.from)) throw new RefusedWrite(`Cannot move "${op.from}" into itself.`);
        const files = await this.roomEntriesAt(root, op.from);
        await renameNoFollow(root, op.from, op.to);
        for (const file of files.keys()) {
          const moved = op.to + file.slice(op.from.length);
          this.roomFiles.delete(file);
          this.roomFiles.add(moved);
          if (this.created.delete(file)) this.created.add(moved);
        }
        return;
      }
    }
  }
}
