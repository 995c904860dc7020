import { contract, type Contract } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import { createDispatcher, EventHub, serviceEmitter, type Dispatcher, type ImplOf } from '../../common/rpc';
import type { AppInfo, Notice } from '../../common/types';
import { openAppDatabase } from '../store/database';
import { RecentWorkspaces } from '../store/recent-workspaces';
import { SettingsStore } from '../store/settings-store';
import { homeDirectory, TerminalService } from '../terminal/terminal-service';
import type { Socket } from 'node:net';
import type { PtyHostStarter } from '../terminal/pty-host-fork';
import type { PtySocketHandoff } from '../terminal/pty-host-protocol';
import { RecordingCoalescer } from '../terminal/recording-coalescer';
import { WorkspaceService } from '../workspace/workspace-service';
import { packageVersion } from './package-root';
import type { LanguageId } from '../../common/languages';
import { SandboxService } from '../sandbox/service';
import { RunHistory } from '../store/run-history';
import { createRunService } from '../services/run-service';
import { workspaceLanguages } from '../workspace/workspace-languages';
import { createHistoryHandlers } from './history-handlers';
import { HistoryRetentionStore } from '../store/history-retention';
import type { HostContext } from './host-context';
import { createRoomHandlers } from './room-handlers';
import { createInterviewHandlers } from './interview-handlers';
import type { PdfPrinter } from '../interview/pdf-printer';
import { createRoomContainerHandlers } from '../room-container/room-container-handlers';
import { GuestRunService } from '../rooms/guest-run-service';
import { IdentityService } from '../identity/identity-service';
import { createMembershipHandlers } from '../rooms/membership-handlers';
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
  /** How often running room containers are measured against their disk quota (tests shorten it). */
  roomQuotaCheckMs?: number;
  /** How the pty host process starts: Electron's utilityProcess; a forked child by default. */
  ptyHost?: PtyHostStarter;
  /** Prints interview reports to PDF (Electron's webContents.printToPDF); Chromium headless by default. */
  printToPdf?: PdfPrinter;
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
  /** A page's terminal socket (common/pty-socket.ts) whose upgrade request the caller checked. */
  adoptTerminalSocket(handoff: PtySocketHandoff, socket: Socket): void;
  /** Closes the terminal sockets that one server (`handoff.server`) handed over. */
  closeTerminalSockets(server: string): void;
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
  const workspace = new WorkspaceService((changes) => {
    emitWorkspace('onDidChangeFiles', { changes });
    // A synced room container follows the folder (made below; no change comes before a folder opens).
    roomContainer.filesChanged(changes);
  });
  // Terminal output reaches the history in large, rare pieces (main/terminal/recording-coalescer.ts).
  const recording = new RecordingCoalescer((id, data) => history.hooks.terminalData(id, data));
  const terminals = new TerminalService(
    {
      onData: (id, data) => {
        emitTerminal('onDidData', { id, data });
        recording.add(id, data);
      },
      onExit: (id, exitCode, signal) => {
        recording.flush(id);
        emitTerminal('onDidExit', { id, exitCode, signal });
      },
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
  const history = createHistoryHandlers(context, {
    retention: new HistoryRetentionStore(db, options.dataDir),
    // A replay or an export read just after a command must hold its output, which the coalescer may still keep.
    beforeCall: () => recording.flushAll(),
  });
  // A room's container ends with the room (issue 10).
  const room = createRoomHandlers(context, { roomEnded: () => roomContainer.roomEnded() });
  const interview = createInterviewHandlers(context, {
    printer: options.printToPdf,
    recording: {
      timeline: (sessionId) => history.impl.timeline({ sessionId }, { origin: 'interview' }),
      exportSession: (sessionId) => history.impl.exportSession({ sessionId }, { origin: 'interview' }),
      record: (sessionId, event) => history.impl.push({ sessionId, messages: [], events: [event] }, { origin: 'interview' }),
    },
  });
  const roomContainer = createRoomContainerHandlers({
    hub,
    dataDir: options.dataDir,
    workspace,
    terminals,
    hostingRoom: () => room.isHosting(),
    quotaCheckMs: options.roomQuotaCheckMs,
  });
  const emitGuestRuns = serviceEmitter(hub, contract, 'guestRuns');
  const guestRuns = new GuestRunService({
    sandbox,
    settings: () => settings.get(),
    hosting: () => room.isHosting(),
    emit: (event) => emitGuestRuns('onDidGuestRunEvent', event),
  });
  const identity = new IdentityService(options.dataDir, options.secretBox);
  const membership = createMembershipHandlers(options.dataDir);
  const logs = createLogHandlers({ dataDir: options.dataDir, openFolder: options.openFolder });
  const runs = createRunService({
    sandbox,
    roomContainer: (scope) => roomContainer.runContainer(scope),
    workspace,
    runHistory,
    recording: history.hooks,
    onEvent: (event) => emitSandbox('onDidRunEvent', event),
  });

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
      remove({ path: p }) {
        recent.remove(p);
        // The folder's room container goes with its entry; Docker being away must not keep the entry.
        void roomContainer.removeFolder(p).catch((error: unknown) => log.warn({ err: error, folder: p }, 'could not remove the room container of a folder removed from Recent'));
      },
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
        recording.flush(id);
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
      run: (request) => runs.run(request),
      cancel: ({ runId }) => ({ cancelled: runs.cancel(runId) }),
      history: (arg) => runs.history(arg?.limit),
    },
    history: {
      ...history.impl,
      // "Flush" means everything seen so far is on disk, terminal output waiting to be recorded too.
      flush(arg, ctx) {
        recording.flushAll();
        return history.impl.flush(arg, ctx);
      },
    },
    room: room.impl,
    interview: interview.impl,
    roomContainer: roomContainer.impl,
    guestRuns: {
      runForGuest: (request) => guestRuns.runForGuest(request),
      cancelForGuest: (request) => guestRuns.cancelForGuest(request),
    },
    identity: {
      get: () => identity.get(),
      update: (patch) => identity.update(patch),
      signHandshake: async ({ transcript, side }) => ({ sig: await identity.signHandshake(transcript, side) }),
      signMembershipEntry: (fields) => identity.signMembershipEntry(fields),
      signChatMessage: (fields) => identity.signChatMessage(fields),
    },
    membership: membership.impl,
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
    adoptTerminalSocket: (handoff, socket) => terminals.adoptSocket(handoff, socket),
    closeTerminalSockets: (server) => terminals.closeSockets(server),
    async dispose() {
      await room.dispose?.();
      await interview.dispose?.();
      recording.dispose();
      membership.dispose();
      await history.dispose?.();
      // The pty host hangs up its container shells while the sandbox removes its containers.
      const terminalsEnded = terminals.dispose();
      workspace.dispose();
      roomContainer.dispose();
      await sandbox.dispose();
      await terminalsEnded;
      db.close();
    },
  };
}
