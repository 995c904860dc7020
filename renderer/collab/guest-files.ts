import * as Y from 'yjs';
import { isInside, workspacePathProblem } from '../../common/paths';
import type { FileEntry } from '../../common/types';
import { MAX_FILES } from '../../common/sandbox';
import type { Contract } from '../../common/contract';
import type { ClientOf, Disposer } from '../../common/rpc';
import type { WorkspaceDocuments } from '../editor/workspace-documents';
import * as requests from './file-requests';
import { planShare, RoomFileClient, serveRoomFiles, type NotShared } from './file-requests';
import type { RoomChannel } from './room-channel';

// The files a room carries in this window, and how they reach its guests (issue 8, "Rooms you can
// trust"); the rules and the request protocol are in file-requests.ts.
//
// A small folder goes into the room doc whole when it is shared, as it always did. A larger one
// would not: measured (test/bench/room.bench.ts), a 2,000-file / 20 MB folder took the host ~30 s
// to read before the invite existed, and each guest ~10-30 s to see any file, since the whole text
// was one sync message and the Explorer waited for it. So a larger folder shares its tree first —
// the doc's `listing` map, path -> size in bytes — and a file's text joins the room's `files` map
// when someone opens it: a guest asks the host over the room channel, the host reads the file and
// puts it into the doc, and from there it syncs to everyone as any other text. The doc then holds
// what people opened, so a late joiner's sync stays small too.
//
// Trust: the host serves only paths it listed itself (kept in this window, never read back from the
// doc, which members can write), text files only, within the room's caps; every refusal is
// answered with the reason, which the guest shows. A guest has no folder: what it creates goes into the room
// doc, and the host writes it to disk (renderer/collab/file-sync.ts, through main's write policy).

export { MAX_SHARED_FILE_BYTES, notSharedMessage } from './file-requests';

export interface GuestFilesDeps {
  documents: Pick<WorkspaceDocuments, 'doc' | 'files' | 'adopt' | 'fetchMissing'>;
  workspace: Pick<ClientOf<Contract>['workspace'], 'readFile'>;
}

export type GuestFiles = ReturnType<typeof createGuestFiles>;

/** The room's files in this window, over the window's documents and the host's workspace service. */
export function createGuestFiles({ documents, workspace }: GuestFilesDeps) {
  /** Host: the paths members may ask for in the room shared now (null: the folder went in whole). */
  let hostListed: Set<string> | null = null;

  /** Every file path of the room (texts in the doc, and a big folder's listed files). */
  const roomPaths = (): string[] => requests.roomPaths(documents.doc);
  const listingMap = (): Y.Map<number> => requests.listingMap(documents.doc);
  const listedOnlyUnder = (path: string): string[] => requests.listedOnlyUnder(path, documents.doc);
  const moveListed = (from: string, to: string): void => requests.moveListed(from, to, documents.doc);

  /** A guest's new file goes into the room doc; returns why it cannot, or null. */
  function createGuestFile(kind: 'file' | 'directory', path: string): string | null {
    if (kind === 'directory') return 'In a room, folders come with files: name a file inside the new folder, e.g. "lib/util.py".';
    const problem = workspacePathProblem(path);
    if (problem) return `Cannot create "${path}": ${problem}.`;
    if (documents.files.has(path) || listingMap().has(path)) return `"${path}" already exists.`;
    documents.files.set(path, new Y.Text());
    return null;
  }

  /**
   * Host: puts a folder's files into the doc (whole), or its listing (a larger folder); returns the
   * paths shared (for main's write policy) and what was left out. `read` gives a file's text, or null.
   */
  async function publishFolder(entries: FileEntry[], read: (path: string) => Promise<string | null>): Promise<{ shared: string[]; notShared: NotShared[] }> {
    const plan = planShare(entries);
    const listing = listingMap();
    // A listing from an earlier share of this doc is not this room's.
    if (listing.size > 0) documents.doc.transact(() => listing.clear());
    if (!plan.whole) {
      hostListed = new Set(plan.files.map((f) => f.path));
      documents.doc.transact(() => {
        for (const file of plan.files) listing.set(file.path, file.size);
      });
      return { shared: [...new Set([...plan.files.map((f) => f.path), ...documents.files.keys()])], notShared: plan.notShared };
    }
    hostListed = null;
    const notShared = [...plan.notShared];
    for (const file of plan.files) {
      if (documents.files.has(file.path)) continue;
      const content = await read(file.path);
      // An unreadable file is left out (main logged why); a NUL byte says binary.
      if (content === null) continue;
      if (content.includes('\u0000')) notShared.push({ path: file.path, reason: 'binary' });
      else documents.adopt(file.path, content);
    }
    return { shared: [...documents.files.keys()], notShared };
  }

  /**
   * Host: a file appeared on disk while sharing. In a room with a listing it is listed (its text
   * comes when asked for); returns false when the room took files whole, so the caller reads it in.
   */
  function listNewFile(path: string): boolean {
    if (!hostListed) return false;
    hostListed.add(path);
    if (!documents.files.has(path)) listingMap().set(path, 0);
    return true;
  }

  /** A file or folder left the room: its listing entries go, and on the host, what members may ask for. */
  function hostForget(path: string): void {
    requests.forgetListed(path, documents.doc);
    if (hostListed) for (const key of [...hostListed]) if (isInside(key, path)) hostListed.delete(key);
  }

  /** Host: listed files moved on disk (the host's rename, or a member's applied there). */
  function hostMove(from: string, to: string): void {
    if (!hostListed) return;
    for (const key of [...hostListed]) {
      if (!isInside(key, from)) continue;
      hostListed.delete(key);
      hostListed.add(to + key.slice(from.length));
    }
  }

  /** Host: puts back listing entries a member deleted under `path` when the host kept the files. */
  function hostRelist(path: string): void {
    if (!hostListed) return;
    const listing = listingMap();
    for (const key of hostListed) if (isInside(key, path) && !documents.files.has(key) && !listing.has(key)) listing.set(key, 0);
  }

  /**
   * Host: a run takes the room's files of its language (guest-run-files.ts); in a room with a
   * listing, those nobody opened yet join the doc first, so a module the entry imports is there.
   */
  async function loadListedForRun(extensions: readonly string[]): Promise<void> {
    if (!hostListed) return;
    const wanted = [...hostListed].filter((path) => !documents.files.has(path) && extensions.some((e) => path.endsWith(e))).sort();
    for (const path of wanted.slice(0, MAX_FILES)) {
      // A file that cannot be read as text stays out of the run, as out of the room; main logged why.
      const file = await workspace.readFile({ path }).catch(() => null);
      if (file && !file.content.includes('\u0000') && !documents.files.has(path)) documents.adopt(path, file.content);
    }
  }

  /** Starts the room's file requests in this window: the host serves them, a guest asks when it opens a listed file. */
  function startRoomFiles(channel: RoomChannel, role: 'owner' | 'guest'): Disposer {
    if (role === 'owner') {
      return serveRoomFiles(channel, {
        listed: (path) => hostListed?.has(path) ?? false,
        loaded: (path) => documents.files.has(path),
        // A file main does not read (binary, too large, gone) is refused with main's reason.
        read: (path) => workspace.readFile({ path }).then((file) => file.content),
        adopt: (path, content) => documents.adopt(path, content),
      });
    }
    const files = documents.files;
    const client = new RoomFileClient(channel, {
      has: (path) => files.has(path),
      onArrive: (listener) => {
        files.observe(listener);
        return () => files.unobserve(listener);
      },
    });
    documents.fetchMissing = (path) => client.fetch([path]);
    return () => {
      documents.fetchMissing = null;
      client.dispose();
    };
  }

  return { roomPaths, listingMap, listedOnlyUnder, moveListed, createGuestFile, publishFolder, listNewFile, hostForget, hostMove, hostRelist, loadListedForRun, startRoomFiles };
}
