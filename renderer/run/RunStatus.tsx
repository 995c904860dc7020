import type { RunResult } from '../../common/sandbox';
import type { CurrentRun } from '../state/store';

// The run panel's status line: what the run is doing, then its verdict in words (a runtime error
// with its exit code or signal), its measures, and why it failed when the sandbox says.

export const VERDICT_LABELS: Record<string, string> = {
  ok: 'OK',
  'compile-error': 'Compile error',
  'runtime-error': 'Runtime error',
  'time-limit': 'Time limit exceeded',
  'memory-limit': 'Memory limit exceeded',
  'output-limit': 'Output limit exceeded',
  cancelled: 'Cancelled',
  'internal-error': 'Internal error',
};

export function verdictText(result: Pick<RunResult, 'verdict' | 'exitCode' | 'signal'>): string {
  const label = VERDICT_LABELS[result.verdict] ?? result.verdict;
  if (result.verdict !== 'runtime-error') return label;
  return result.signal ? `${label} (${result.signal})` : `${label} (exit code ${result.exitCode})`;
}

export function measures(result: Pick<RunResult, 'wallMs' | 'cpuMs' | 'peakMemoryKb'>): string {
  const parts = [`${Math.round(result.wallMs)} ms wall`];
  if (result.cpuMs !== null) parts.push(`${Math.round(result.cpuMs)} ms CPU`);
  if (result.peakMemoryKb !== null) parts.push(`${(result.peakMemoryKb / 1024).toFixed(1)} MB peak`);
  return parts.join(' · ');
}

/** The status line of the run panel for the run shown (none: how to start one). */
export function RunStatus({ run }: { run: CurrentRun | null }) {
  return (
    <div className="run-status" aria-live="polite">
      {!run && <span className="empty">Press Ctrl+Enter (or Run) to run the open file in a sandbox.</span>}
      {run && run.state !== 'done' && (
        <span role="status" aria-label="Run state">
          {run.state === 'queued' ? `Waiting for a sandbox (position ${run.queuePosition ?? 1})…` : run.state === 'compiling' ? 'Compiling…' : run.state === 'running' ? 'Running…' : 'Starting…'}{' '}
          {run.entry}
        </span>
      )}
      {run?.result && (
        <>
          <span className={`verdict verdict-${run.result.verdict}`} role="status" aria-label="Verdict">
            {verdictText(run.result)}
          </span>
          <span className="measures">{measures(run.result)}</span>
          {!run.result.sandboxed && <span className="unsandboxed">Ran unsandboxed</span>}
          {run.result.inRoomContainer && <span className="in-room-container">Ran in the room container</span>}
          {run.result.message && run.result.verdict !== 'ok' && <span className="run-message">{run.result.message}</span>}
        </>
      )}
    </div>
  );
}
