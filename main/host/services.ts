import { contract, type Contract } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import { createDispatcher, EventHub, serviceEmitter, type Dispatcher, type ImplOf } from '../../common/rpc';
import type { AppInfo, Notice } from '../../common/types';
import { openAppDatabase } from '../store/database';
import { RecentWorkspaces } from '../store/recent-workspaces';
import { SettingsStore } from '../store/settings-store';
import { homeDirectory, TerminalService } from '../terminal/terminal-service';
import { WorkspaceService } from '../workspace/workspace-service';
import { packageVersion } from './package-root';

export interface HostOptions {
  dataDir: string;
  host: AppInfo['host'];
  /** A native folder picker (Electron); absent in the browser host. */
  pickFolder?: () => Promise<string | null>;
}

export interface HostServices {
  dispatcher: Dispatcher;
  hub: EventHub;
  dispose(): void;
}

/** Builds every service of the contract over one data folder; both transports serve the result. */
export function createHostServices(options: HostOptions): HostServices {
  const hub = new EventHub();
  const { db, recoveredFrom } = openAppDatabase(options.dataDir);
  const notices: Notice[] = [];
  if (recoveredFrom) {
    notices.push({
      id: 'database-recovered',
      level: 'warning',
      message:
        `The settings database could not be read (${recoveredFrom.reason}). It was kept as ` +
        `${recoveredFrom.backupPath} and a new one was started: recent folders and settings are reset.`,
    });
  }
  const recent = new RecentWorkspaces(db);
  const settings = new SettingsStore(db);
  const emitWorkspace = serviceEmitter(hub, contract, 'workspace');
  const emitTerminal = serviceEmitter(hub, contract, 'terminal');
  const emitSettings = serviceEmitter(hub, contract, 'settings');
  const workspace = new WorkspaceService((changes) => emitWorkspace('onDidChangeFiles', { changes }));
  const terminals = new TerminalService(
    {
      onData: (id, data) => emitTerminal('onDidData', { id, data }),
      onExit: (id, exitCode, signal) => emitTerminal('onDidExit', { id, exitCode, signal }),
    },
    () => workspace.info()?.root ?? homeDirectory(),
    () => settings.get().shell,
  );
  const info: AppInfo = {
    name: 'CodeCrafter',
    version: packageVersion(),
    host: options.host,
    platform: process.platform,
    dataDir: options.dataDir,
  };

  const impl: ImplOf<Contract> = {
    app: {
      getInfo: () => info,
      getNotices: () => notices,
    },
    workspace: {
      async open({ path: folder }) {
        const opened = await workspace.open(folder);
        recent.touch({ path: opened.root, name: opened.name });
        return opened;
      },
      current: () => workspace.info(),
      close: () => workspace.close(),
      listFiles: () => workspace.listFiles(),
      readFile: ({ path: p }) => workspace.readFile(p),
      writeFile: ({ path: p, content }) => workspace.writeFile(p, content),
      createFile: ({ path: p, content }) => workspace.createFile(p, content),
      createFolder: ({ path: p }) => workspace.createFolder(p),
      rename: ({ from, to }) => workspace.rename(from, to),
      delete: ({ path: p }) => workspace.delete(p),
    },
    recent: {
      list: () => recent.list(),
      remove: ({ path: p }) => recent.remove(p),
    },
    settings: {
      get: () => settings.get(),
      update(patch) {
        const next = settings.update(patch);
        emitSettings('onDidChange', next);
        return next;
      },
    },
    terminal: {
      create: ({ cols, rows }) => terminals.create(cols, rows),
      list: () => terminals.list(),
      write: ({ id, data }) => terminals.write(id, data),
      resize: ({ id, cols, rows }) => terminals.resize(id, cols, rows),
      ack: ({ id, chars }) => terminals.ack(id, chars),
      kill: ({ id }) => terminals.kill(id),
    },
    dialog: {
      async pickFolder() {
        if (!options.pickFolder) {
          throw new HostError(ErrorCode.Unsupported, 'This host has no folder dialog: type the folder path instead.');
        }
        return { path: await options.pickFolder() };
      },
    },
  };

  return {
    dispatcher: createDispatcher(contract, impl),
    hub,
    dispose() {
      terminals.dispose();
      workspace.dispose();
      db.close();
    },
  };
}
