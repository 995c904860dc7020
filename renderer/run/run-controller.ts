import type { Contract } from '../../common/contract';
import { languageForFile, type LanguageId } from '../../common/languages';
import type { ClientOf, Disposer } from '../../common/rpc';
import type { RunEvent, RunLimitsInput } from '../../common/sandbox';
import type { ImageBuildProgress } from '../../common/types';
import type { WorkspaceDocuments } from '../editor/workspace-documents';
import type { CurrentRun, RunSummary, WorkbenchStore } from '../state/store';
import type { Notices } from '../workbench/notices';
import { limitProblems, limitsFor } from './run-limits';

// What the run panel does (run the active file, follow its events, stop it, build images, watch
// Docker), as a controller over the host's sandbox service, the store and the open documents.

export interface RunControllerDeps {
  sandbox: Pick<ClientOf<Contract>['sandbox'], 'status' | 'history' | 'run' | 'cancel' | 'buildImages'>;
  store: WorkbenchStore;
  /** The editor's text of open files: what you see is what runs, saved or not. */
  documents: Pick<WorkspaceDocuments, 'text'>;
  notices: Pick<Notices, 'attempt' | 'notify' | 'clearNotice'>;
  /** How often the state is asked again while Docker is down, so the notice goes when it is up. */
  dockerRecheckMs?: number;
  /** Whether this window is a room guest: it has no folder, and the room's host runs its code. */
  isGuest?: () => boolean;
  /** The room container a run should use if it exists (the hosted room's, else the folder's); null: never. */
  roomContainer?: () => { room?: string } | null;
}

/** What a room guest's window uses to run on the host (renderer/collab/guest-runs.ts sets it). */
export interface GuestRunner {
  request(ask: { entry: string; language: LanguageId; stdin: string; limits?: RunLimitsInput }): { ok: true; hostName: string } | { ok: false; problem: string };
  cancel(runId: string): void;
}

/** A run event as the panel needs it: a room host's report of a run carries a summary, not the whole result. */
export type PanelEvent = Exclude<RunEvent, { type: 'done' }> | { runId: string; type: 'done'; result: RunSummary };

/** A run on the room host's machine (issue 8 item 6), as the host reports it to this window. */
export type RoomRunUpdate =
  | { kind: 'started'; runId: string; entry: string; language: LanguageId; where: string; mine: boolean }
  | { kind: 'event'; event: PanelEvent }
  | { kind: 'refused' };

export interface RunController {
  runLanguageFor(path: string | null): LanguageId | null;
  refreshSandboxStatus(): Promise<void>;
  refreshRunHistory(): Promise<void>;
  runActiveFile(options?: { unsandboxed?: boolean }): Promise<void>;
  handleRunEvent(event: PanelEvent): void;
  /** Room guests: how requests reach the host; returns the disposer that unsets it. */
  setGuestRunner(runner: GuestRunner): Disposer;
  /** Room members: a run on the host's machine, as the host reports it. */
  showRoomRun(update: RoomRunUpdate): void;
  cancelRun(): Promise<void>;
  buildImages(): Promise<void>;
  handleBuildProgress(progress: ImageBuildProgress): void;
  /** Stops the Docker re-check. */
  dispose(): void;
}

/** Output the run panel keeps for one run, in characters (the sandbox caps a run's output too). */
const MAX_SHOWN_OUTPUT_CHARS = 2 * 1024 * 1024;
const DOCKER_RECHECK_MS = 3_000;
const DOCKER_NOTICE = 'docker';
/** Runs whose events may wait for their id at once: runs started by other windows land here too. */
const MAX_EARLY_RUNS = 16;

/** One event applied to what the panel shows of a run. */
function apply(run: Partial<CurrentRun> & Pick<CurrentRun, 'output' | 'outputChars'>, event: PanelEvent): Partial<CurrentRun> {
  switch (event.type) {
    case 'queued':
      return { state: 'queued', queuePosition: event.position };
    case 'phase':
      return { state: event.phase === 'compile' ? 'compiling' : 'running' };
    case 'output': {
      if (run.outputChars >= MAX_SHOWN_OUTPUT_CHARS) return {};
      const last = run.output.at(-1);
      const output =
        last && last.stream === event.stream ? [...run.output.slice(0, -1), { stream: last.stream, data: last.data + event.data }] : [...run.output, { stream: event.stream, data: event.data }];
      return { output, outputChars: run.outputChars + event.data.length };
    }
    case 'done':
      return { state: 'done', result: event.result };
  }
}

export function createRunController(deps: RunControllerDeps): RunController {
  const roomContainerOf = (options: { unsandboxed?: boolean }) => {
    const scope = options.unsandboxed ? null : (deps.roomContainer?.() ?? null);
    return scope ? { roomContainer: scope } : {};
  };
  const { sandbox, store, documents, notices } = deps;
  const recheckMs = deps.dockerRecheckMs ?? DOCKER_RECHECK_MS;
  let recheck: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  // Events that arrive before sandbox.run has answered with the run id (the host emits the first
  // ones while it handles the request), kept by run id until the answer names ours.
  const early = new Map<string, Partial<CurrentRun>>();
  const isGuest = deps.isGuest ?? (() => false);
  let guestRunner: GuestRunner | null = null;

  /** A room guest's run: the host runs the room's text of the file in its sandbox (issue 8 item 6). */
  function runOnHost(entry: string, language: LanguageId, stdin: string, limits: RunLimitsInput | undefined): void {
    if (!guestRunner) {
      return notices.notify("Runs in a room happen on the host's machine, and this room's connection cannot carry the request yet: ask the host to run it.", 'info');
    }
    const asked = guestRunner.request({ entry, language, stdin, ...(limits ? { limits } : {}) });
    if (!asked.ok) return notices.notify(asked.problem, 'info');
    store.set({
      currentRun: { runId: null, entry, language, state: 'starting', startedAt: Date.now(), output: [], outputChars: 0, remote: { where: `run on ${asked.hostName}'s machine`, mine: true } },
    });
  }

  function pendingFor(runId: string): Partial<CurrentRun> {
    const state = early.get(runId) ?? {};
    early.delete(runId);
    return { ...state, runId };
  }

  const controller: RunController = {
    runLanguageFor(path) {
      const chosen = store.get().runLanguage;
      if (chosen) return chosen;
      return path ? (languageForFile(path)?.id ?? null) : null;
    },

    async refreshSandboxStatus() {
      clearTimeout(recheck);
      recheck = undefined;
      const status = await notices.attempt('Cannot ask the sandbox for its state', () => sandbox.status());
      if (!status) return;
      const before = store.get().sandboxStatus;
      const wasDown = before !== null && before.docker !== 'ok';
      store.set({ sandboxStatus: status });
      // One notice for this cause, kept while it holds and taken away once Docker answers (issue 11).
      if (status.docker === 'ok') {
        notices.clearNotice(DOCKER_NOTICE);
        return;
      }
      // Said when Docker goes missing, not at every re-check: a notice the user dismissed stays away.
      if (!wasDown) notices.notify(`${status.message ?? 'Docker is not available'}. Sandboxed runs need it.`, 'warning', undefined, DOCKER_NOTICE);
      if (!disposed) recheck = setTimeout(() => void controller.refreshSandboxStatus(), recheckMs);
    },

    async refreshRunHistory() {
      // A room guest has no folder, so no run history of its own (its runs happen on the host).
      if (!store.get().workspace || isGuest()) return;
      const runs = await notices.attempt('Cannot read the run history', () => sandbox.history({ limit: 50 }));
      if (runs) store.set({ runHistory: runs });
    },

    async runActiveFile(options = {}) {
      const { activeTab: entry, stdinByFile, runLimits, currentRun } = store.get();
      store.set({ panelVisible: true, panelView: 'run' });
      if (currentRun && currentRun.state !== 'done' && !(currentRun.remote && !currentRun.remote.mine)) return notices.notify('A run is going on: stop it first (the Stop button).', 'info');
      if (!entry) return notices.notify('Open the file to run first.', 'info');
      const language = controller.runLanguageFor(entry);
      if (!language) return notices.notify(`CodeCrafter does not know how to run "${entry}": pick a language in the run panel.`, 'info');
      const problems = limitProblems(runLimits, language);
      const problem = problems.timeMs ?? problems.memoryMb;
      if (problem) return notices.notify(`${problem} Fix it in the run panel, or empty the field for the default.`, 'info');
      const stdin = stdinByFile[entry] ?? '';
      const limits = limitsFor(runLimits);
      // A guest has no folder and no sandbox of its own in the room: the host runs it.
      if (isGuest()) return runOnHost(entry, language, stdin, limits);
      const openFiles = store
        .get()
        .tabs.map((path) => ({ path, content: documents.text(path)?.toString() }))
        .filter((f): f is { path: string; content: string } => f.content !== undefined);
      const run: CurrentRun = { runId: null, entry, language, state: 'starting', startedAt: Date.now(), output: [], outputChars: 0 };
      store.set({ currentRun: run });
      const started = await notices.attempt(`Cannot run "${entry}"`, () =>
        sandbox.run({ language, entry, stdin, limits, openFiles, unsandboxed: options.unsandboxed, ...roomContainerOf(options) }),
      );
      if (!started) {
        store.set({ currentRun: null });
        return;
      }
      const now = store.get().currentRun;
      // Events may have arrived before the answer: they were kept under the run id, see handleRunEvent.
      if (now && now.runId === null) store.set({ currentRun: { ...now, ...pendingFor(started.runId) } });
    },

    handleRunEvent(event) {
      const run = store.get().currentRun;
      if (run && run.runId === event.runId) {
        store.set({ currentRun: { ...run, ...apply(run, event) } });
      } else if (run && run.runId === null) {
        const pending = { output: [], outputChars: 0, ...early.get(event.runId) };
        early.set(event.runId, { ...pending, ...apply(pending, event) });
        if (early.size > MAX_EARLY_RUNS) early.delete(early.keys().next().value!);
      }
      if (event.type === 'done') void controller.refreshRunHistory();
    },

    setGuestRunner(runner) {
      guestRunner = runner;
      return () => {
        if (guestRunner === runner) guestRunner = null;
      };
    },

    showRoomRun(update) {
      const run = store.get().currentRun;
      if (update.kind === 'refused') {
        if (run?.remote?.mine && run.runId === null) store.set({ currentRun: null });
        return;
      }
      if (update.kind === 'event') return controller.handleRunEvent(update.event);
      const { runId, entry, language, where, mine } = update;
      // This window's own run is not pushed aside by someone else's: that one is still seen by the others.
      const busyWithOwn = run !== null && run.state !== 'done' && !(run.remote && !run.remote.mine) && !(mine && run.runId === null);
      if (busyWithOwn) return;
      store.set({
        currentRun: { runId, entry, language, state: 'starting', startedAt: run?.remote?.mine && mine ? run.startedAt : Date.now(), output: [], outputChars: 0, remote: { where, mine } },
        ...(mine ? { panelVisible: true, panelView: 'run' as const } : {}),
      });
    },

    async cancelRun() {
      const run = store.get().currentRun;
      if (run?.remote) {
        if (run.remote.mine && run.runId && run.state !== 'done') guestRunner?.cancel(run.runId);
        return;
      }
      if (run?.runId && run.state !== 'done') await notices.attempt('Cannot stop the run', () => sandbox.cancel({ runId: run.runId! }));
    },

    async buildImages() {
      store.set({ imageBuild: { image: '', tag: '', state: 'building', done: 0, total: 1, message: 'Starting…' } });
      const done = await notices.attempt('Cannot build the sandbox images', async () => {
        await sandbox.buildImages();
        return true;
      });
      store.set({ imageBuild: null });
      await controller.refreshSandboxStatus();
      if (done) notices.notify('The sandbox images are built.', 'info');
    },

    handleBuildProgress(progress) {
      store.set({ imageBuild: progress });
    },

    dispose() {
      disposed = true;
      clearTimeout(recheck);
      recheck = undefined;
      early.clear();
    },
  };
  return controller;
}
