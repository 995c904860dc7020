import { z } from 'zod';
import type { LanguageId } from './languages';
import { event, method, type ServiceSpec } from './rpc';
import { LanguageIdSchema } from './sandbox';
import type { TerminalInfo } from './types';

// The room container service of the host contract (issue 10 item 3): one persistent sandbox
// container per room, or per open folder for solo use, with the room's languages, the workspace
// inside it, run limits plus a disk quota, and network off unless the host allows it. Declared
// here and merged into common/contract.ts.

/** How the container's workspace is kept (chosen by the host). */
export const ROOM_STORAGE = ['synced', 'volume', 'archive'] as const;
export type RoomStorage = (typeof ROOM_STORAGE)[number];

/** Which container: a room's (by room id) or, without one, the open folder's. */
const Scope = { room: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a room id.').optional() };
/** A scope as an argument of another service (a run that may use the container). */
export const RoomContainerScopeSchema = z.object(Scope).strict();
/** An archive's name in the data folder's room-archives/ (no paths from the page). */
export const ArchiveNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'An archive name is letters, digits, ".", "_" and "-".').refine((n) => !n.includes('..'), 'An archive name may not contain "..".');

/** The `shell` of a terminal in a room container (TerminalInfo), so the page can restart or split it there. */
export const CONTAINER_TERMINAL_SHELL = 'room container';

export const ROOM_DISK_QUOTA_MB = { min: 64, max: 20_480, default: 2_048 } as const;

export interface RoomContainerStatus {
  /** False when there is none yet for this room or folder (the other fields are then defaults). */
  exists: boolean;
  running: boolean;
  /** The folder path or room id the container belongs to. */
  scope: string;
  languages: LanguageId[];
  storage: RoomStorage;
  network: boolean;
  quotaMb: number;
  /** Disk used by the workspace and home, measured in the container; null when not running. */
  usedMb: number | null;
  image: string | null;
}

export interface RoomContainerProgress {
  scope: string;
  message: string;
}

/** A room container passed its disk quota: every program in it was stopped (or, on opening a terminal, it is still over). */
export interface RoomContainerOverQuota {
  scope: string;
  usedMb: number;
  quotaMb: number;
  /** True when its programs (terminals, runs) were stopped just now. */
  stopped: boolean;
}

export const roomContainerContract = {
  status: method<RoomContainerStatus>()(z.object(Scope).strict().optional()),
  /**
   * Makes the container (building the room's image from the sandbox images the first time), or
   * returns the one that exists. `archive` imports an archive made by exportArchive.
   */
  create: method<RoomContainerStatus>()(
    z
      .object({
        ...Scope,
        languages: z.array(LanguageIdSchema).min(1).max(12).optional(),
        storage: z.enum(ROOM_STORAGE),
        network: z.boolean().optional(),
        quotaMb: z.number().int().min(ROOM_DISK_QUOTA_MB.min).max(ROOM_DISK_QUOTA_MB.max).optional(),
        archive: ArchiveNameSchema.optional(),
      })
      .strict(),
  ),
  /** The visible network switch: recreates the container (the workspace and home volumes stay). */
  setNetwork: method<RoomContainerStatus>()(z.object({ ...Scope, allowed: z.boolean() }).strict()),
  /** Copies the open folder's files into the container (host to container; never the other way). */
  sync: method<{ files: number }>()(z.object(Scope).strict().optional()),
  /** Writes the container's workspace to `<data dir>/room-archives/<name>.tar`. */
  exportArchive: method<{ path: string; bytes: number }>()(z.object({ ...Scope, name: ArchiveNameSchema }).strict()),
  importArchive: method<{ files: number }>()(z.object({ ...Scope, name: ArchiveNameSchema }).strict()),
  /** Removes the container and its volumes (also done when the folder leaves Recent). */
  remove: method<{ removed: boolean }>()(z.object(Scope).strict().optional()),
  /** A terminal in the container: `docker exec` with a TTY, through the same path as local ones. */
  openTerminal: method<TerminalInfo>()(
    z.object({ ...Scope, cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) }).strict(),
  ),
  /** Image builds and long copies say what they are doing. */
  onDidProgress: event<RoomContainerProgress>(),
  /** The disk quota, enforced: main measures the workspace and home while the container runs. */
  onDidPassQuota: event<RoomContainerOverQuota>(),
} satisfies ServiceSpec;
