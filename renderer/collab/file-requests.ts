import type * as Y from 'yjs';
import { z } from 'zod';
import { isInside, MAX_PATH_LENGTH, workspacePathProblem, WorkspacePathSchema } from '../../common/paths';
import type { Disposer } from '../../common/rpc';
import { utf8Length } from '../../common/sandbox';
import type { FileEntry } from '../../common/types';
import type { RoomChannel } from './room-channel';

// What a room carries of a shared folder, and how a big folder's files reach members on demand
// (issue 8): the caps, the plan of a share, the doc's listing, and the request protocol over the
// room channel (the host serves, members ask). No app state here: guest-files.ts wires it to the
// window's doc and the host API, and file-requests.test.ts runs it over an in-memory channel.

/** Files larger than this are not carried by a room (the editor stays responsive up to it). */
export const MAX_SHARED_FILE_BYTES = 2 * 1024 * 1024;
/** A room carries at most this much text; the rest of a folder is said, not shared. */
export const MAX_SHARED_TOTAL_BYTES = 32 * 1024 * 1024;
/** A folder of at most this many files and bytes goes into the room whole when it is shared. */
export const WHOLE_FOLDER_MAX_FILES = 200;
export const WHOLE_FOLDER_MAX_BYTES = 1024 * 1024;

export const RoomFilesTopic = {
  /** Member -> host: `{ paths }`, files it wants in the room doc. */
  want: 'room-files/want',
  /** Host -> that member: `{ refused: [{ path, reason }] }`, what it will not put in. */
  refused: 'room-files/refused',
} as const;
/** Paths one request may name. */
export const MAX_WANTED_PATHS = 500;
/** How long a guest waits for a file it asked for before saying so. */
const WANT_TIMEOUT_MS = 60_000;

const WantSchema = z.object({ paths: z.array(WorkspacePathSchema).min(1).max(MAX_WANTED_PATHS) }).strict();
const RefusedSchema = z
  .object({ refused: z.array(z.object({ path: z.string().max(MAX_PATH_LENGTH), reason: z.string().max(500) }).strict()).max(MAX_WANTED_PATHS) })
  .strict();

const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;

// ---- what the room lists --------------------------------------------------------------------------

/** The room's listing of shared files whose text joins the doc when someone opens them. */
export function listingMap(doc: Y.Doc): Y.Map<number> {
  return doc.getMap('listing');
}

/** Every file path of the room: texts in the doc and files listed (valid paths only: members can write both maps). */
export function roomPaths(doc: Y.Doc): string[] {
  const paths = new Set(doc.getMap('files').keys());
  for (const path of listingMap(doc).keys()) paths.add(path);
  return [...paths].filter((path) => workspacePathProblem(path) === null);
}

/** Listed files at or under `path` whose text is not in the doc yet. */
export function listedOnlyUnder(path: string, doc: Y.Doc): string[] {
  const files = doc.getMap('files');
  return [...listingMap(doc).keys()].filter((key) => isInside(key, path) && !files.has(key));
}

/** Moves listing entries at or under `from` to `to` (a rename in the room; call inside the rename's transaction). */
export function moveListed(from: string, to: string, doc: Y.Doc): void {
  const listing = listingMap(doc);
  for (const [key, size] of [...listing.entries()]) {
    if (!isInside(key, from)) continue;
    listing.delete(key);
    listing.set(to + key.slice(from.length), size);
  }
}

/** Drops listing entries at or under `path` (a delete in the room). */
export function forgetListed(path: string, doc: Y.Doc): void {
  const listing = listingMap(doc);
  for (const key of [...listing.keys()]) if (isInside(key, path)) listing.delete(key);
}

// ---- sharing a folder (host) ----------------------------------------------------------------------

export interface NotShared {
  path: string;
  reason: string;
}

export interface SharePlan {
  /** Whether the folder goes into the doc whole now, or as a listing first. */
  whole: boolean;
  /** The files the room carries (text files among them; binaries are found when read). */
  files: FileEntry[];
  notShared: NotShared[];
}

/** Which of a folder's files a room carries, and how (caps: per file, and in total). */
export function planShare(entries: FileEntry[]): SharePlan {
  const files: FileEntry[] = [];
  const notShared: NotShared[] = [];
  let total = 0;
  for (const entry of entries) {
    if (entry.kind !== 'file') continue;
    if (entry.size > MAX_SHARED_FILE_BYTES) notShared.push({ path: entry.path, reason: `over ${mb(MAX_SHARED_FILE_BYTES)}` });
    else if (total + entry.size > MAX_SHARED_TOTAL_BYTES) notShared.push({ path: entry.path, reason: `past the room's ${mb(MAX_SHARED_TOTAL_BYTES)}` });
    else {
      total += entry.size;
      files.push(entry);
    }
  }
  return { whole: files.length <= WHOLE_FOLDER_MAX_FILES && total <= WHOLE_FOLDER_MAX_BYTES, files, notShared };
}

/** "Not in the room: a (over 2 MB), b (binary)…": said to the host and, through the doc, every guest. */
export function notSharedMessage(notShared: NotShared[]): string {
  const named = notShared.slice(0, 5).map((n) => `${n.path} (${n.reason})`);
  const more = notShared.length > 5 ? ` and ${notShared.length - 5} more` : '';
  return `Not in the room: ${named.join(', ')}${more}. A room carries text files up to ${mb(MAX_SHARED_FILE_BYTES)} each and ${mb(MAX_SHARED_TOTAL_BYTES)} in all.`;
}

// ---- asking for and serving files ----------------------------------------------------------------

export interface RoomFileServerDeps {
  /** Whether the host listed `path` for this room. */
  listed(path: string): boolean;
  /** Whether its text is in the doc already. */
  loaded(path: string): boolean;
  /** The file's text on the host's disk; rejects with why it cannot be read (binary, gone, too large). */
  read(path: string): Promise<string>;
  /** Puts the text into the doc (it syncs to every member from there). */
  adopt(path: string, content: string): void;
}

/** Host: answers members' requests for listed files. Returns the disposer. */
export function serveRoomFiles(channel: RoomChannel, deps: RoomFileServerDeps): Disposer {
  // One read per file however many members ask for it at once: later askers share the first read.
  const reading = new Map<string, Promise<string | Error>>();
  return channel.on(RoomFilesTopic.want, (payload, from) => {
    // The channel delivers only from admitted members; viewers read too.
    if (from.role === 'knocking') return;
    const parsed = WantSchema.safeParse(payload);
    if (!parsed.success) {
      console.warn(`room files: a malformed request from ${from.name} (${from.fingerprint}): ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
      return;
    }
    void answer(parsed.data.paths).then(
      (refused) => {
        if (refused.length > 0) channel.send(RoomFilesTopic.refused, { refused }, from.key);
      },
      (error: unknown) => console.error(`room files: could not answer ${from.name} (${from.fingerprint})`, error),
    );
  });

  function readOnce(path: string): Promise<string | Error> {
    let pending = reading.get(path);
    if (!pending) {
      pending = deps
        .read(path)
        .catch((error: unknown) => new Error(error instanceof Error ? error.message : String(error)))
        .finally(() => reading.delete(path));
      reading.set(path, pending);
    }
    return pending;
  }

  async function answer(paths: string[]): Promise<NotShared[]> {
    const refused: NotShared[] = [];
    for (const path of new Set(paths)) {
      if (deps.loaded(path)) continue;
      if (!deps.listed(path)) {
        refused.push({ path, reason: 'the host does not share it' });
        continue;
      }
      const content = await readOnce(path);
      if (content instanceof Error) refused.push({ path, reason: content.message });
      else if (content.includes('\u0000')) refused.push({ path, reason: 'it is a binary file, and a room carries text only' });
      else if (utf8Length(content) > MAX_SHARED_FILE_BYTES) refused.push({ path, reason: `it is over ${mb(MAX_SHARED_FILE_BYTES)}, more than a room carries` });
      // Two members may ask at once: the first answer puts it in.
      else if (!deps.loaded(path)) deps.adopt(path, content);
    }
    return refused;
  }
}

export interface RoomFileClientDeps {
  /** Whether the file's text is in the doc. */
  has(path: string): boolean;
  /** Calls back when texts arrive in the doc; returns the disposer. */
  onArrive(listener: () => void): Disposer;
}

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

/** Guest: asks the host for listed files and waits until their text is in the doc. */
export class RoomFileClient {
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly disposers: Disposer[];

  constructor(
    private readonly channel: RoomChannel,
    private readonly deps: RoomFileClientDeps,
    private readonly timeoutMs = WANT_TIMEOUT_MS,
  ) {
    this.disposers = [
      deps.onArrive(() => {
        for (const path of [...this.waiting.keys()]) if (deps.has(path)) this.settle(path, null);
      }),
      channel.on(RoomFilesTopic.refused, (payload, from) => {
        const parsed = RefusedSchema.safeParse(payload);
        if (from.role !== 'owner' || !parsed.success) return;
        for (const { path, reason } of parsed.data.refused) this.settle(path, new Error(reason));
      }),
    ];
  }

  /** Resolves once every path's text is in the doc; rejects with the host's reason, or when the host is gone or silent. */
  fetch(paths: string[]): Promise<void> {
    const missing = [...new Set(paths)].filter((path) => !this.deps.has(path));
    if (missing.length === 0) return Promise.resolve();
    const host = this.channel.members().find((m) => m.role === 'owner');
    if (!host) return Promise.reject(new Error('the host is not in the room now, and only the host has the files nobody opened yet'));
    const arrivals = missing.map(
      (path) =>
        new Promise<void>((resolve, reject) => {
          const list = this.waiting.get(path) ?? [];
          list.push({ resolve, reject });
          this.waiting.set(path, list);
        }),
    );
    for (let at = 0; at < missing.length; at += MAX_WANTED_PATHS) this.channel.send(RoomFilesTopic.want, { paths: missing.slice(at, at + MAX_WANTED_PATHS) }, host.key);
    const timer = setTimeout(() => {
      for (const path of missing) this.settle(path, new Error(`the host did not send it within ${this.timeoutMs / 1000} s`));
    }, this.timeoutMs);
    const all = Promise.all(arrivals).then(() => undefined);
    void all.finally(() => clearTimeout(timer)).catch(() => {});
    return all;
  }

  private settle(path: string, error: Error | null): void {
    const list = this.waiting.get(path);
    if (!list) return;
    this.waiting.delete(path);
    for (const waiter of list) {
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  }

  dispose(): void {
    for (const dispose of this.disposers) dispose();
    for (const path of [...this.waiting.keys()]) this.settle(path, new Error('you left the room'));
  }
}

