import type { Contract } from '../../common/contract';
import type { MethodArg } from '../../common/rpc';
import type { RunEvent, RunResult } from '../../common/sandbox';
import type { StoredRun } from '../../common/types';
import type { RunHandle, SandboxService } from '../sandbox/service';
import { MAX_STORED_OUTPUT_CHARS, type RunHistory } from '../store/run-history';
import type { WorkspaceService } from '../workspace/workspace-service';
import { collectRunFiles } from '../workspace/run-files';
import { getLogger } from '../log/log-service';

// The run use case (issue 12), out of the composition root: a run of the open workspace takes its
// files from disk with the editor's unsaved text over them, goes to the sandbox (which applies the
// unsandboxed policy), streams its events, keeps a copy of the output for the execution history,
// and tells the recording when it starts and ends. main/host only adapts the contract to this.
// A run is kept and recorded before its `done` goes out, so a client that reads the history when
// `done` arrives finds the run; output events are passed on as they come.

const log = getLogger('run');

export type RunArg = MethodArg<Contract['sandbox']['run']>;

/** What the recording learns about runs (main/host/history-handlers.ts implements it). */
export interface RunRecording {
  runStarted(runId: string, language: string, entry: string): void;
  runEnded(result: RunResult): void;
}

export interface RunService {
  /** Starts a run of the open workspace; its output and verdict arrive through `onEvent`. */
  run(request: RunArg): Promise<{ runId: string }>;
  cancel(runId: string): boolean;
  /** The open workspace's runs, newest first. */
  history(limit?: number): StoredRun[];
}

/** What a RunService needs: narrow views of the services it uses, so tests can give their own. */
export interface RunServiceDeps {
  sandbox: Pick<SandboxService, 'run' | 'cancel'>;
  /** The running room container of a scope (started if it was stopped), or undefined when it has none. */
  roomContainer?(scope: { room?: string }): Promise<string | undefined>;
  workspace: Pick<WorkspaceService, 'root'>;
  runHistory: Pick<RunHistory, 'add' | 'list'>;
  recording: RunRecording;
  onEvent(event: RunEvent): void;
}

export function createRunService(deps: RunServiceDeps): RunService {
  const { sandbox, workspace, runHistory, recording } = deps;
  return {
    async run({ language, entry, stdin, limits, unsandboxed, openFiles, roomContainer }) {
      const root = workspace.root();
      const files = await collectRunFiles(root, language, entry, openFiles);
      const container = roomContainer && !unsandboxed && deps.roomContainer ? await deps.roomContainer(roomContainer) : undefined;
      const startedAt = Date.now();
      let output = '';
      // The sandbox never rejects its result (a failure is an internal-error verdict) and emits
      // `done` with it once. A failing store write is logged here, once, and `done` still goes out.
      const keep = (result: RunResult) => {
        try {
          recording.runEnded(result);
        } catch (error) {
          log.error({ err: error, runId: result.runId, root }, 'could not record the end of the run in the session history');
        }
        try {
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
        } catch (error) {
          log.error({ err: error, runId: result.runId, root }, 'could not keep the run in the execution history');
        }
      };
      const handle: RunHandle = sandbox.run(
        { language, entry, files, stdin: stdin ?? '', limits: limits ?? {}, unsandboxed: unsandboxed ?? false },
        (event) => {
          if (event.type === 'output' && output.length < MAX_STORED_OUTPUT_CHARS) output += event.data;
          if (event.type === 'done') keep(event.result);
          deps.onEvent(event);
        },
        container ? { roomContainer: container } : {},
      );
      recording.runStarted(handle.runId, language, entry);
      return { runId: handle.runId };
    },
    cancel: (runId) => sandbox.cancel(runId),
    history: (limit = 50) => runHistory.list(workspace.root(), limit),
  };
}
