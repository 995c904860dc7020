import { useEffect, useState } from 'react';
import type { CurrentRun } from '../state/store';

// The line above a run's output that names its file (issue 11): while it runs, its state and an
// elapsed-time counter; once done, `main.py — ok · 0.05 s · 9 MB`, as CoderPad and Replit show.

const TICK_MS = 100;

function ElapsedTime({ since }: { since: number }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <span role="timer" aria-label="Elapsed time" className="elapsed">
      {`${(Math.max(0, now - since) / 1000).toFixed(1)} s`}
    </span>
  );
}

export function resultLine(run: CurrentRun): string | null {
  const result = run.result;
  if (!result) return null;
  const parts = [`${run.entry} — ${result.verdict}`, `${(result.wallMs / 1000).toFixed(2)} s`];
  if (result.peakMemoryKb !== null) parts.push(`${Math.max(1, Math.round(result.peakMemoryKb / 1024))} MB`);
  return parts.join(' · ');
}

/** Where a room run happens (issue 8): "run on Alice's machine", "run for Bob on this machine". */
function RunPlace({ run }: { run: CurrentRun }) {
  if (!run.remote) return null;
  return (
    <span className="run-where" aria-label="Where it runs">
      {` · ${run.remote.where}`}
    </span>
  );
}

export function RunHeader({ run }: { run: CurrentRun }) {
  const line = resultLine(run);
  if (line) {
    return (
      <div className={`run-header verdict-${run.result!.verdict}`} role="status" aria-label="Run result">
        {line}
        <RunPlace run={run} />
      </div>
    );
  }
  return (
    <div className="run-header">
      <span>{`${run.entry} — ${run.state === 'queued' ? 'waiting for a sandbox' : run.state}…`}</span>
      <RunPlace run={run} />{' '}
      {run.startedAt !== undefined && <ElapsedTime since={run.startedAt} />}
    </div>
  );
}
