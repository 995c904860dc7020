import { contract, type Contract } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import { createDispatcher, EventHub, serviceEmitter, type Dispatcher, type ImplOf } from '../../common/rpc';
import type { AppInfo, Notice } from '../../common/types';
import { openAppDatabase } from '../store/database';
import { RecentWorkspaces } from '../store/recent-workspaces';
import { SettingsStore } from '../store/settings-store';
import { homeDirectory, TerminalService } from '../terminal/terminal-service';
import type { PtyHostStarter } from '../terminal/pty-host-fork';
import { WorkspaceService } from '../workspace/workspace-service';
import { packageVersion } from './package-root';
import type { LanguageId } from '../../common/languages';
import { SandboxService } from '../sandbox/service';
import { RunHistory, MAX_STORED_OUTPUT_CHARS } from '../store/run-history';
import { collectRunFiles } from '../workspace/run-files';
import { workspaceLanguages } from '../workspace/workspace-languages';
import { createHistoryHandlers } from './history-handlers';
import type { HostContext } from './host-context';
import { createRoomHandlers } from './room-handlers';
import { GuestRunService } from '../rooms/guest-run-service';
import { IdentityService } from '../identity/identity-service';
import type { SecretBox } from '../identity/secret-box';
import { createLogHandlers } from './log-handlers';
import { getLogger } from '../log/log-service';
import { withRequestLogging } from '../log/logged-dispatcher';

const log = getLogger('host');

export interface HostOptions {
  dataDir: string;
  host: AppInfo['host'];
  /** A native folder picker (Electron); absent in the browser host. */
  pickFolder?: () => Promise<string | null>;
  /** The codecrafter:// link the app was started with, if any (Electron). */
  pendingInvite?: () => string | null;
  /** Protects the identity key at rest (Electron's safeStorage); absent: a 0600 file. */
  secretBox?: SecretBox;
  /** Opens a folder in the OS file manager (Electron); absent in the browser host. */
  openFolder?: (folder: string) => Promise<void>;
  /** Languages to warm sandbox containers for at start (default: none; each is warmed at first use). */
  sandboxWarm?: 'all' | LanguageId[];
  /** How the pty host process starts: Electron's utilityProcess; a forked child by default. */
  ptyHost?: PtyHostStarter;
}

export interface HostServices {
  dispatcher: Dispatcher;
  hub: EventHub;
  /**
   * A page's connection went away (its CallContext.origin): the browser host's WebSocket closed or
   * an Electron window closed. A room that page hosts stops with it (issue 8 item 7).
   */
  connectionClosed(origin: string): Promise<void>;
  /** The pty host process's id, started on demand: tests kill it, the bench measures it. */
  ptyHostPid(): number | undefined;
  /** Stops terminals and runs and removes every sandbox container this host made. */
  dispose(): Promise<void>;
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
  const runHistory = new RunHistory(db);
  const emitSandbox = serviceEmitter(hub, contract, 'sandbox');
  // Languages are warmed at their first run and for the workspace opened; unsandboxed runs follow
  // the user's setting and never while a room is hosted (main/sandbox/unsandboxed-policy.ts).
  const sandbox = new SandboxService({
    warm: options.sandboxWarm,
    unsandboxed: () => ({ allowed: settings.get().allowUnsandboxed, hostingRoom: room.isHosting() }),
  });
  void sandbox.start().catch(() => {
    // Docker missing or broken: the run panel asks sandbox.status and says what to do.
  });
  let building: Promise<void> | undefined;
  const settings = new SettingsStore(db);
  const emitWorkspace = serviceEmitter(hub, contract, 'workspace');
  const emitTerminal = serviceEmitter(hub, contract, 'terminal');
  const emitSettings = serviceEmitter(hub, contract, 'settings');
  const workspace = new WorkspaceService((changes) => emitWorkspace('onDidChangeFiles', { changes }));
  const terminals = new TerminalService(
    {
      onData: (id, data) => {
        emitTerminal('onDidData', { id, data });
        history.hooks.terminalData(id, data);
      },
      onExit: (id, exitCode, signal) => emitTerminal('onDidExit', { id, exitCode, signal }),
      onHostExit: (message) => emitTerminal('onDidHostExit', { message }),
    },
    () => workspace.info()?.root ?? homeDirectory(),
    () => settings.get().shell,
    options.ptyHost,
  );
  const info: AppInfo = {
    name: 'CodeCrafter',
    version: packageVersion(),
    host: options.host,
    platform: process.platform,
    dataDir: options.dataDir,
  };

  const context: HostContext = { hub, dataDir: options.dataDir, host: options.host, workspace, settings, sandbox };
  const history = createHistoryHandlers(context);
  const room = createRoomHandlers(context);
  const emitGuestRuns = serviceEmitter(hub, contract, 'guestRuns');
  const guestRuns = new GuestRunService({
    sandbox,
    settings: () => settings.get(),
    hosting: () => room.isHosting(),
    emit: (event) => emitGuestRuns('onDidGuestRunEvent', event),
  });
  const identity = new IdentityService(options.dataDir, options.secretBox);
  const logs = createLogHandlers({ dataDir: options.dataDir, openFolder: options.openFolder });

  const impl: ImplOf<Contract> = {
    app: {
      getInfo: () => info,
      getNotices: () => notices,
      takePendingInvite: () => ({ link: options.pendingInvite?.() ?? null }),
      log: logs.log,
      readLog: logs.readLog,
      openLogFolder: logs.openLogFolder,
    },
    workspace: {
      async open({ path: folder }) {
        const opened = await workspace.open(folder);
        recent.touch({ path: opened.root, name: opened.name });
        void workspaceLanguages(opened.root).then((languages) => sandbox.warm(languages), (error: unknown) => log.warn({ err: error, root: opened.root }, 'could not tell the languages of a workspace'));
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
      search: (request) => workspace.search(request),
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
      profiles: () => terminals.profiles(),
      async create({ cols, rows, shell }) {
        const created = await terminals.create({ cols, rows, shell });
        history.hooks.terminalOpened(created.id, cols, rows);
        return created;
      },
      list: () => terminals.list(),
      rename: ({ id, title }) => terminals.rename(id, title),
      restartHost: () => terminals.restartHost(),
      write: ({ id, data }) => terminals.write(id, data),
      resize({ id, cols, rows }) {
        terminals.resize(id, cols, rows);
        history.hooks.terminalResized(id, cols, rows);
      },
      ack: ({ id, chars }) => terminals.ack(id, chars),
      kill: ({ id }) => terminals.kill(id),
    },
    sandbox: {
      status: () => sandbox.status(),
      buildImages() {
        building ??= sandbox.buildImages((progress) => emitSandbox('onDidBuildProgress', progress)).finally(() => (building = undefined));
        return building;
      },
      async run({ language, entry, stdin, limits, unsandboxed, openFiles }) {
        const root = workspace.root();
        const files = await collectRunFiles(root, language, entry, openFiles);
        const startedAt = Date.now();
        let output = '';
        const handle = sandbox.run({ language, entry, files, stdin: stdin ?? '', limits: limits ?? {}, unsandboxed: unsandboxed ?? false }, (event) => {
          if (event.type === 'output' && output.length < MAX_STORED_OUTPUT_CHARS) output += event.data;
          emitSandbox('onDidRunEvent', event);
        });
        history.hooks.runStarted(handle.runId, language, entry);
        void handle.result.then((result) => {
          history.hooks.runEnded(result);
          runHistory.add({
            runId: result.runId,
            workspace: root,
            language,
            entry,
            verdict: result.verdict,
            sandboxed: result.sandboxed,
            exitCode: result.exitCode,
            signal: result.signal,
            wallMs: result.wallMs,
            cpuMs: result.cpuMs,
            peakMemoryKb: result.peakMemoryKb,
            message: result.message ?? null,
            output,
            startedAt,
          });
        });
        return { runId: handle.runId };
      },
      cancel: ({ runId }) => ({ cancelled: sandbox.cancel(runId) }),
      history: (arg) => runHistory.list(workspace.root(), arg?.limit ?? 50),
    },
    history: history.impl,
    room: room.impl,
    guestRuns: {
      runForGuest: (request) => guestRuns.runForGuest(request),
      cancelForGuest: (request) => guestRuns.cancelForGuest(request),
    },
    identity: {
      get: () => identity.get(),
      update: (patch) => identity.update(patch),
      signHandshake: async ({ transcript, side }) => ({ sig: await identity.signHandshake(transcript, side) }),
      signMembershipEntry: (fields) => identity.signMembershipEntry(fields),
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
    dispatcher: withRequestLogging(createDispatcher(contract, impl), log),
    hub,
    connectionClosed: (origin) => room.connectionClosed(origin),
    ptyHostPid: () => terminals.hostPid(),
    async dispose() {
      await room.dispose?.();
      await history.dispose?.();
      terminals.dispose();
      workspace.dispose();
      await sandbox.dispose();
      db.close();
    },
  };
}
