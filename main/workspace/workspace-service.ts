import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import { isInside } from '../../common/paths';
import type { FileChange, FileContent, FileTree, WorkspaceInfo } from '../../common/types';
import { fsError } from './fs-errors';
import { FileWatcher } from './file-watcher';
import { listWorkspace } from './file-listing';
import { resolveInside } from './safe-path';
import { searchFolder } from './text-search';
import type { SearchRequest, SearchResult } from '../../common/search';

/** How many leading bytes are looked at to tell a binary file from text. */
const BINARY_SNIFF_BYTES = 8000;

/**
 * One open folder on the host: the user's truth for a solo workspace (DESIGN.md section 3).
 * Every path goes through resolveInside, so nothing outside the folder is read or written.
 */
export class WorkspaceService {
  private current: { info: WorkspaceInfo; watcher: FileWatcher; known: Map<string, 'file' | 'directory'> } | undefined;

  constructor(private readonly onChanges: (changes: FileChange[]) => void) {}

  async open(folder: string): Promise<WorkspaceInfo> {
    if (!path.isAbsolute(folder)) {
      throw new HostError(ErrorCode.InvalidArgument, `"${folder}" is not an absolute folder path.`);
    }
    let root: string;
    try {
      root = await realpath(path.resolve(folder));
      const stats = await stat(root);
      if (!stats.isDirectory()) throw new HostError(ErrorCode.InvalidArgument, `"${folder}" is a file, not a folder.`);
    } catch (error) {
      throw fsError(error, `Cannot open "${folder}"`);
    }
    this.close();
    const info = { root, name: path.basename(root) || root };
    const known = new Map<string, 'file' | 'directory'>();
    const watcher = new FileWatcher(root, known, this.onChanges);
    this.current = { info, watcher, known };
    // The first listing fills `known`, so the watcher can tell created from changed.
    await this.listFiles();
    watcher.start();
    return info;
  }

  info(): WorkspaceInfo | null {
    return this.current?.info ?? null;
  }

  close(): void {
    this.current?.watcher.dispose();
    this.current = undefined;
  }

  private require() {
    if (!this.current) throw new HostError(ErrorCode.NoWorkspace, 'No folder is open. Open a folder first.');
    return this.current;
  }

  /**
   * Fills a new or empty folder (not the open one) with files, e.g. a history fork: the folder
   * must be absolute and empty, and every path goes through the same checks as the open folder's
   * (resolveInside), so a file cannot land outside it. Returns the folder's real path.
   */
  async writeNewFolder(folder: string, files: Record<string, string>): Promise<{ root: string; written: number }> {
    if (!path.isAbsolute(folder)) throw new HostError(ErrorCode.InvalidArgument, `"${folder}" is not an absolute folder path.`);
    let root: string;
    try {
      await mkdir(folder, { recursive: true });
      root = await realpath(folder);
    } catch (error) {
      throw fsError(error, `Cannot create "${folder}"`);
    }
    if ((await readdir(root)).length > 0) throw new HostError(ErrorCode.AlreadyExists, `"${folder}" is not empty: fork into a new or empty folder.`);
    let written = 0;
    for (const [relative, content] of Object.entries(files)) {
      const absolute = await resolveInside(root, relative);
      try {
        await mkdir(path.dirname(absolute), { recursive: true });
        await writeFile(absolute, content, { encoding: 'utf8', flag: 'wx' });
      } catch (error) {
        throw fsError(error, `Cannot write "${relative}" into "${root}"`);
      }
      written++;
    }
    return { root, written };
  }

  async listFiles(): Promise<FileTree> {
    const { info, known } = this.require();
    const tree = await listWorkspace(info.root);
    known.clear();
    for (const entry of tree.entries) known.set(entry.path, entry.kind);
    return tree;
  }

  async readFile(relative: string): Promise<FileContent> {
    const { info } = this.require();
    const absolute = await resolveInside(info.root, relative);
    try {
      const stats = await stat(absolute);
      if (stats.isDirectory()) throw new HostError(ErrorCode.InvalidArgument, `"${relative}" is a folder, not a file.`);
      if (stats.size > MAX_FILE_BYTES) {
        throw new HostError(
          ErrorCode.Unsupported,
          `"${relative}" is ${(stats.size / 2 ** 20).toFixed(1)} MB; the editor opens files up to ${MAX_FILE_BYTES / 2 ** 20} MB.`,
        );
      }
      const bytes = await readFile(absolute);
      if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
        throw new HostError(ErrorCode.Unsupported, `"${relative}" looks like a binary file; it cannot be opened as text.`);
      }
      return { path: relative, content: bytes.toString('utf8'), mtimeMs: Math.floor(stats.mtimeMs) };
    } catch (error) {
      throw fsError(error, `Cannot read "${relative}"`);
    }
  }

  async writeFile(relative: string, content: string): Promise<{ mtimeMs: number }> {
    const { info } = this.require();
    const absolute = await resolveInside(info.root, relative);
    try {
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, content, 'utf8');
      const stats = await stat(absolute);
      return { mtimeMs: Math.floor(stats.mtimeMs) };
    } catch (error) {
      throw fsError(error, `Cannot save "${relative}"`);
    }
  }

  async createFile(relative: string, content = ''): Promise<void> {
    const { info } = this.require();
    const absolute = await resolveInside(info.root, relative);
    try {
      await mkdir(path.dirname(absolute), { recursive: true });
      const handle = await open(absolute, 'wx');
      try {
        await handle.writeFile(content, 'utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw fsError(error, `Cannot create "${relative}"`);
    }
  }

  async createFolder(relative: string): Promise<void> {
    const { info } = this.require();
    const absolute = await resolveInside(info.root, relative);
    try {
      await mkdir(absolute);
    } catch (error) {
      throw fsError(error, `Cannot create folder "${relative}"`);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const { info } = this.require();
    if (from === to) return;
    if (isInside(to, from)) throw new HostError(ErrorCode.InvalidArgument, `Cannot move "${from}" into itself.`);
    const source = await resolveInside(info.root, from);
    const target = await resolveInside(info.root, to);
    try {
      await stat(source);
      // rename() silently replaces an existing file: refuse instead, the user would lose it.
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) throw new HostError(ErrorCode.AlreadyExists, `Cannot rename to "${to}": it already exists.`);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(source, target);
    } catch (error) {
      throw fsError(error, `Cannot rename "${from}"`);
    }
  }

  async delete(relative: string): Promise<void> {
    const { info } = this.require();
    const absolute = await resolveInside(info.root, relative);
    try {
      await stat(absolute);
      await rm(absolute, { recursive: true });
    } catch (error) {
      throw fsError(error, `Cannot delete "${relative}"`);
    }
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return searchFolder(this.require().info.root, request);
  }

  /** The open folder's root, or a no-workspace error. */
  root(): string {
    return this.require().info.root;
  }

  dispose(): void {
    this.close();
  }
}
