import { languageForFile, LANGUAGES, type LanguageId } from '../../common/languages';
import type { Disposer } from '../../common/rpc';
import type { RunEvent, RunLimitsInput } from '../../common/sandbox';
import { isGuest } from '../collab/room-mode';
import type { ImageBuildProgress } from '../../common/types';
import { documents } from '../editor/documents';
import { api } from '../host';
import { workbench, type CurrentRun, type RunSummary } from '../state/store';
import { attempt, clearNotice, notify, openFile } from '../workbench/actions';
import { limitProblems, limitsFor } from './run-inputs';

/** Output the run panel keeps for one run, in characters (the sandbox caps a run's output too). */
const MAX_SHOWN_OUTPUT_CHARS = 2 * 1024 * 1024;

export function runLanguageFor(path: string | null): LanguageId | null {
  const chosen = workbench.get().runLanguage;
  if (chosen) return chosen;
  return path ? (languageForFile(path)?.id ?? null) : null;
}

/** How often the state is asked again while Docker is down, so the notice goes when it is up. */
const DOCKER_RECHECK_MS = 3_000;
let recheck: ReturnType<typeof setTimeout> | undefined;
const DOCKER_NOTICE = 'docker';

export async function refreshSandboxStatus(): Promise<void> {
  clearTimeout(recheck);
  recheck = undefined;
  const status = await attempt('Cannot ask the sandbox for its state', () => api.sandbox.status());
  if (!status) return;
  const wasDown = workbench.get().sandboxStatus !== null && workbench.get().sandboxStatus?.docker !== 'ok';
  workbench.set({ sandboxStatus: status });
  // One notice for this cause, kept while it holds and taken away once Docker answers (issue 11).
  if (status.docker === 'ok') {
    clearNotice(DOCKER_NOTICE);
    return;
  }
  // Said when Docker goes missing, not at every re-check: a notice the user dismissed stays away.
  if (!wasDown) notify(`${status.message ?? 'Docker is not available'}. Sandboxed runs need it.`, 'warning', undefined, DOCKER_NOTICE);
  recheck = setTimeout(() => void refreshSandboxStatus(), DOCKER_RECHECK_MS);
}

export async function refreshRunHistory(): Promise<void> {
  // A room guest has no folder, so no run history of its own (its runs happen on the host).
  if (!workbench.get().workspace || isGuest()) return;
  const runs = await attempt('Cannot read the run history', () => api.sandbox.history({ limit: 50 }));
  if (runs) workbench.set({ runHistory: runs });
}

/** Opens a file (so what runs is the editor's text) and runs it, e.g. from the Explorer's menu. */
export async function runFile(path: string): Promise<void> {
  await openFile(path);
  if (workbench.get().activeTab === path) await runActiveFile();
}

/** What a room guest's window uses to run on the host (renderer/collab/guest-runs.ts sets it). */
export interface GuestRunner {
  request(ask: { entry: string; language: LanguageId; stdin: string; limits?: RunLimitsInput }): { ok: true; hostName: string } | { ok: false; problem: string };
  cancel(runId: string): void;
}
let guestRunner: GuestRunner | null = null;

export function setGuestRunner(runner: GuestRunner): Disposer {
  guestRunner = runner;
  return () => {
    if (guestRunner === runner) guestRunner = null;
  };
}

/** A run on the room host's machine (issue 8 item 6), as the host reports it to this window. */
export type RoomRunUpdate =
  | { kind: 'started'; runId: string; entry: string; language: LanguageId; where: string; mine: boolean }
  | { kind: 'event'; event: PanelEvent }
  | { kind: 'refused' };

export function showRoomRun(update: RoomRunUpdate): void {
  const run = workbench.get().currentRun;
  if (update.kind === 'refused') {
    if (run?.remote?.mine && run.runId === null) workbench.set({ currentRun: null });
    return;
  }
  if (update.kind === 'event') return handleRunEvent(update.event);
  const { runId, entry, language, where, mine } = update;
  // This window's own run is not pushed aside by someone else's: that one is still seen by the others.
  const busyWithOwn = run !== null && run.state !== 'done' && !(run.remote && !run.remote.mine) && !(mine && run.runId === null);
  if (busyWithOwn) return;
  workbench.set({
    currentRun: { runId, entry, language, state: 'starting', startedAt: run?.remote?.mine && mine ? run.startedAt : Date.now(), output: [], outputChars: 0, remote: { where, mine } },
    ...(mine ? { panelVisible: true, panelView: 'run' as const } : {}),
  });
}

/** A room guest's run: the host runs the room's text of the file in its sandbox (issue 8 item 6). */
function runOnHost(entry: string, language: LanguageId, stdin: string, limits: RunLimitsInput | undefined): void {
  if (!guestRunner) {
    return notify("Runs in a room happen on the host's machine, and this room's connection cannot carry the request yet: ask the host to run it.", 'info');
  }
  const asked = guestRunner.request({ entry, language, stdin, ...(limits ? { limits } : {}) });
  if (!asked.ok) return notify(asked.problem, 'info');
  workbench.set({
    currentRun: { runId: null, entry, language, state: 'starting', startedAt: Date.now(), output: [], outputChars: 0, remote: { where: `run on ${asked.hostName}'s machine`, mine: true } },
  });
}

export async function runActiveFile(options: { unsandboxed?: boolean } = {}): Promise<void> {
  const { activeTab: entry, stdinByFile, runLimits, currentRun } = workbench.get();
  workbench.set({ panelVisible: true, panelView: 'run' });
  if (currentRun && currentRun.state !== 'done' && !(currentRun.remote && !currentRun.remote.mine)) return notify('A run is going on: stop it first (the Stop button).', 'info');
  if (!entry) return notify('Open the file to run first.', 'info');
  const language = runLanguageFor(entry);
  if (!language) return notify(`CodeCrafter does not know how to run "${entry}": pick a language in the run panel.`, 'info');
  const problems = limitProblems(runLimits, language);
  const problem = problems.timeMs ?? problems.memoryMb;
  if (problem) return notify(`${problem} Fix it in the run panel, or empty the field for the default.`, 'info');
  const stdin = stdinByFile[entry] ?? '';
  const limits = limitsFor(runLimits);
  // A guest has no folder and no sandbox of its own in the room: the host runs it.
  if (isGuest()) return runOnHost(entry, language, stdin, limits);
  // The editor's text of every open file goes with the run, saved or not: what you see is what runs.
  const openFiles = workbench
    .get()
    .tabs.map((path) => ({ path, content: documents.text(path)?.toString() }))
    .filter((f): f is { path: string; content: string } => f.content !== undefined);
  const run: CurrentRun = { runId: null, entry, language, state: 'starting', startedAt: Date.now(), output: [], outputChars: 0 };
  workbench.set({ currentRun: run });
  const started = await attempt(`Cannot run "${entry}"`, () =>
    api.sandbox.run({ language, entry, stdin, limits, openFiles, unsandboxed: options.unsandboxed }),
  );
  if (!started) {
    workbench.set({ currentRun: null });
    return;
  }
  const now = workbench.get().currentRun;
  // Events may have arrived before the answer: they were kept under the run id, see handleRunEvent.
  if (now && now.runId === null) workbench.set({ currentRun: { ...now, ...pendingFor(started.runId) } });
}

// Events that arrive before sandbox.run has answered with the run id (the host emits the first
// ones while it handles the request). Bounded: runs started by other windows land here too.
const early = new Map<string, Partial<CurrentRun>>();
const MAX_EARLY_RUNS = 16;
function pendingFor(runId: string): Partial<CurrentRun> {
  const state = early.get(runId) ?? {};
  early.delete(runId);
  return { ...state, runId };
}

/** A run event as the panel needs it: a room host's report of a run carries a summary, not the whole result. */
type PanelEvent = Exclude<RunEvent, { type: 'done' }> | { runId: string; type: 'done'; result: RunSummary };

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

export function handleRunEvent(event: PanelEvent): void {
  const run = workbench.get().currentRun;
  if (run && run.runId === event.runId) {
    workbench.set({ currentRun: { ...run, ...apply(run, event) } });
  } else if (run && run.runId === null) {
    const pending = { output: [], outputChars: 0, ...early.get(event.runId) };
    early.set(event.runId, { ...pending, ...apply(pending, event) });
    if (early.size > MAX_EARLY_RUNS) early.delete(early.keys().next().value!);
  }
  if (event.type === 'done') void refreshRunHistory();
}

export async function cancelRun(): Promise<void> {
  const run = workbench.get().currentRun;
  if (run?.remote) {
    if (run.remote.mine && run.runId && run.state !== 'done') guestRunner?.cancel(run.runId);
    return;
  }
  if (run?.runId && run.state !== 'done') await attempt('Cannot stop the run', () => api.sandbox.cancel({ runId: run.runId! }));
}

export async function buildImages(): Promise<void> {
  workbench.set({ imageBuild: { image: '', tag: '', state: 'building', done: 0, total: 1, message: 'Starting…' } });
  const done = await attempt('Cannot build the sandbox images', async () => {
    await api.sandbox.buildImages();
    return true;
  });
  workbench.set({ imageBuild: null });
  await refreshSandboxStatus();
  if (done) notify('The sandbox images are built.', 'info');
}

export function handleBuildProgress(progress: ImageBuildProgress): void {
  workbench.set({ imageBuild: progress });
}

export const RUNNABLE_LANGUAGES = Object.values(LANGUAGES);
