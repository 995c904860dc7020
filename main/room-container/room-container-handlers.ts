import path from 'node:path';
import { contract } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import type { LanguageId } from '../../common/languages';
import { serviceEmitter, type EventHub, type ImplOf } from '../../common/rpc';
import type { Contract } from '../../common/contract';
import { connectDocker } from '../sandbox/docker';
import type { TerminalService } from '../terminal/terminal-service';
import type { WorkspaceService } from '../workspace/workspace-service';
import { workspaceLanguages } from '../workspace/workspace-languages';
import { RoomContainerService } from './room-container-service';

// The room container service of the contract: which container a request means (a room's, or the
// open folder's), and its terminals through the terminal service.

/** Languages of a container made with none given and none found in the folder. */
const DEFAULT_LANGUAGES: LanguageId[] = ['python', 'bash'];

export function createRoomContainerHandlers(options: { hub: EventHub; dataDir: string; workspace: WorkspaceService; terminals: TerminalService }) {
  const service = new RoomContainerService(connectDocker(), path.join(options.dataDir, 'room-archives'));
  const emit = serviceEmitter(options.hub, contract, 'roomContainer');
  const folder = () => options.workspace.info()?.root;
  const scopeOf = (arg?: { room?: string }): string => {
    if (arg?.room) return `room:${arg.room}`;
    const root = folder();
    if (!root) throw new HostError(ErrorCode.InvalidArgument, 'Open a folder (or a room) first: a room container belongs to one.');
    return `folder:${root}`;
  };
  const impl: ImplOf<Contract>['roomContainer'] = {
    status: (arg) => service.status(scopeOf(arg)),
    async create({ room, languages, storage, network, quotaMb, archive }) {
      const scope = scopeOf({ room });
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
      const container = await service.runningId(scopeOf({ room }));
      return options.terminals.createInContainer({ container, cols, rows, title: 'room container' });
    },
  };
  return {
    impl,
    /** A folder left Recent: its container goes too (rooms call remove themselves). */
    removeFolder: (root: string) => service.remove(`folder:${root}`),
  };
}
