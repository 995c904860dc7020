import path from 'node:path';
import { contract } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import type { LanguageId } from '../../common/languages';
import { serviceEmitter, type EventHub, type ImplOf } from '../../common/rpc';
import type { FileChange } from '../../common/types';
import type { Contract } from '../../common/contract';
import { connectDocker } from '../sandbox/docker';
import type { TerminalService } from '../terminal/terminal-service';
import type { WorkspaceService } from '../workspace/workspace-service';
import { workspaceLanguages } from '../workspace/workspace-languages';
import { getLogger } from '../log/log-service';
import { LiveSync } from './live-sync';
import { QuotaWatch, QUOTA_CHECK_MS } from './quota-watch';
import { RoomContainerService, roomScope } from './room-container-service';

// The room container service of the contract: which container a request means (a room's, or the
// open folder's), and its terminals through the terminal service. A room's container is made only
// while this host hosts a room, and ends with it (roomEnded).

const log = getLogger('room-container');

/** Languages of a container made with none given and none found in the folder. */
const DEFAULT_LANGUAGES: LanguageId[] = ['python', 'bash'];

export function createRoomContainerHandlers(options: {
  hub: EventHub;
  dataDir: string;
  workspace: WorkspaceService;
  terminals: TerminalService;
  /** Whether this host hosts a room now: a room's container is made only then. */
  hostingRoom: () => boolean;
  /** How often running containers are measured against their disk quota (tests shorten it). */
  quotaCheckMs?: number;
}) {
  const service = new RoomContainerService(connectDocker(), path.join(options.dataDir, 'room-archives'));
  // Rooms do not outlive the app that hosts them: what an app that died while hosting left goes now.
  void service.reapEndedRooms().then(
    (removed) => {
      if (removed) log.info({ removed }, 'removed the containers of rooms whose app ended while hosting');
    },
    (error: unknown) => {
      // No Docker here is no fault: there is nothing of it to clean up either.
      if (error instanceof HostError && error.code === ErrorCode.Unavailable) log.info('Docker is not reachable: no ended room containers to look for');
      else log.warn({ err: error }, 'could not look for containers of rooms whose app ended while hosting');
    },
  );
  /** The rooms whose container this process made (a room's end asks Docker nothing without one). */
  const madeRoomScopes = new Set<string>();
  const emit = serviceEmitter(options.hub, contract, 'roomContainer');
  const folder = () => options.workspace.info()?.root;
  /** Scopes whose container this app made, opened a terminal in or ran something in (measured most often). */
  const touched = new Set<string>();
  /** The containers this host uses: the open folder's, and the rooms' it made while hosting. */
  const scopesInUse = (root = folder()): string[] => [...(root ? [`folder:${root}`] : []), ...(options.hostingRoom() ? madeRoomScopes : [])];
  // Synced storage stays in step with the folder.
  const live = new LiveSync({
    containers: async (root) => {
      const scopes = scopesInUse(root);
      return (await service.runningRoomContainers())
        .filter((c) => c.storage === 'synced' && scopes.includes(c.scope))
        .map((c) => ({ id: c.id, quotaBytes: c.quotaMb * 2 ** 20, over: quota.overQuota(c.id) !== undefined }));
    },
    put: (id, tar) => service.putFiles(id, tar),
    remove: (id, paths) => service.removeWorkspacePaths(id, paths),
  });
  // The disk quota, enforced while the containers run.
  const quota = new QuotaWatch(
    {
      // Every running room container; those this app put programs in are measured most often.
      containers: async () => (await service.runningRoomContainers()).map((c) => ({ ...c, active: touched.has(c.scope) })),
      usedMb: (id) => service.usedMb(id),
      stopPrograms: (id) => service.stopPrograms(id),
    },
    (passed) => emit('onDidPassQuota', passed),
    options.quotaCheckMs ?? QUOTA_CHECK_MS,
  );
  quota.start();

  const scopeOf = (arg?: { room?: string }): string => {
    if (arg?.room) return roomScope(arg.room);
    const root = folder();
    if (!root) throw new HostError(ErrorCode.InvalidArgument, 'Open a folder (or a room) first: a room container belongs to one.');
    return `folder:${root}`;
  };
  const impl: ImplOf<Contract>['roomContainer'] = {
    status: (arg) => service.status(scopeOf(arg)),
    async create({ room, languages, storage, network, quotaMb, archive }) {
      if (room && !options.hostingRoom()) {
        throw new HostError(ErrorCode.InvalidArgument, "Share the folder first: a room's container belongs to a room this window hosts, and ends with it.");
      }
      const scope = scopeOf({ room });
      if (room) madeRoomScopes.add(scope);
      touched.add(scope);
      const root = folder();
      const chosen = languages ?? (root ? await workspaceLanguages(root) : []);
      return service.create(
        scope,
        {
          languages: chosen.length ? chosen : DEFAULT_LANGUAGES,
          storage,
          network,
          quotaMb,
          folder: root,
          archiveFile: archive ? service.archivePath(archive) : undefined,
        },
        (message) => emit('onDidProgress', { scope, message }),
      );
    },
    setNetwork: ({ room, allowed }) => service.setNetwork(scopeOf({ room }), allowed),
    sync(arg) {
      const root = folder();
      if (!root) throw new HostError(ErrorCode.InvalidArgument, 'Open the folder to copy into the room container first.');
      return service.sync(scopeOf(arg), root);
    },
    exportArchive: ({ room, name }) => service.exportArchive(scopeOf({ room }), name),
    importArchive: ({ room, name }) => service.importArchive(scopeOf({ room }), name),
    remove: async (arg) => ({ removed: await service.remove(scopeOf(arg)) }),
    async openTerminal({ room, cols, rows }) {
      const scope = scopeOf({ room });
      const container = await service.runningId(scope);
      touched.add(scope);
      // Over its quota, the terminal still opens (it is how files get deleted), and says so.
      const status = await service.status(scope);
      if (status.usedMb !== null) quota.seenOnOpen(container, scope, status.usedMb, status.quotaMb);
      return options.terminals.createInContainer({ container, cols, rows, title: 'room container' });
    },
  };
  return {
    impl,
    /**
     * The container a run of this scope uses, or undefined when it has none (the run then takes a
     * fresh sandbox). A container that exists but cannot be reached fails the run with why: a run
     * meant for it would otherwise miss what was installed there and say something else.
     */
    async runContainer(arg: { room?: string }): Promise<string | undefined> {
      let scope: string;
      try {
        scope = scopeOf(arg);
      } catch {
        return undefined; // no folder and no room: no container either
      }
      let id: string | undefined;
      try {
        id = await service.runContainer(scope);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new HostError(ErrorCode.Unavailable, `The room container cannot take this run: ${why} Turn off "Runs use this container" in its dialog to run in a fresh sandbox.`);
      }
      if (id !== undefined) touched.add(scope);
      const over = id === undefined ? undefined : await quota.stillOver(id, scope);
      if (over) {
        throw new HostError(
          ErrorCode.Unavailable,
          `The room container uses ${over.usedMb} MB of its ${over.quotaMb} MB disk quota: delete files in a terminal in it, or turn off "Runs use this container" in its dialog to run in a fresh sandbox.`,
        );
      }
      return id;
    },
    /** What the open folder's watcher saw change (a synced container follows it). */
    filesChanged(changes: FileChange[]): void {
      const root = folder();
      if (root) live.changed(root, changes);
    },
    /** The app ends: changes not yet synced stay behind (the next Copy brings them). */
    dispose: () => {
      live.dispose();
      quota.dispose();
    },
    /** A folder left Recent: its container goes too. */
    removeFolder: (root: string) => service.remove(`folder:${root}`),
    /** The room this host hosted ended: its container goes (a Docker volume's files stay). */
    async roomEnded(): Promise<void> {
      if (madeRoomScopes.size === 0) return;
      madeRoomScopes.clear();
      await service.endOwnedRooms().catch((error: unknown) => log.warn({ err: error }, 'could not remove the container of a room that ended'));
    },
  };
}
