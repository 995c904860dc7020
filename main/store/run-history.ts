import { VerdictSchema } from '../../common/sandbox';
import type { StoredRun } from '../../common/types';
import type { SqliteDatabase } from './database';
import { getLogger } from '../log/log-service';

const log = getLogger('store');

/** Runs kept per workspace; older ones are dropped as new ones arrive. */
export const MAX_RUNS_PER_WORKSPACE = 200;
/** Output kept with each run, in characters: enough to see what happened, not a log store. */
export const MAX_STORED_OUTPUT_CHARS = 64 * 1024;

export class RunHistory {
  constructor(private readonly db: SqliteDatabase) {}

  add(run: StoredRun): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT OR REPLACE INTO runs (run_id, workspace, language, entry, verdict, sandboxed, exit_code, signal, wall_ms,
             cpu_ms, peak_memory_kb, message, output, started_at)
           VALUES (@runId, @workspace, @language, @entry, @verdict, @sandboxed, @exitCode, @signal, @wallMs,
             @cpuMs, @peakMemoryKb, @message, @output, @startedAt)`,
        )
        .run({ ...run, sandboxed: run.sandboxed ? 1 : 0, output: run.output.slice(0, MAX_STORED_OUTPUT_CHARS), wallMs: Math.round(run.wallMs) });
      this.db
        .prepare(
          `DELETE FROM runs WHERE workspace = ? AND run_id NOT IN
             (SELECT run_id FROM runs WHERE workspace = ? ORDER BY started_at DESC LIMIT ?)`,
        )
        .run(run.workspace, run.workspace, MAX_RUNS_PER_WORKSPACE);
    })();
  }

  list(workspace: string, limit = 50): StoredRun[] {
    const rows = this.db
      .prepare(
        `SELECT run_id AS runId, workspace, language, entry, verdict, sandboxed, exit_code AS exitCode, signal,
           wall_ms AS wallMs, cpu_ms AS cpuMs, peak_memory_kb AS peakMemoryKb, message, output, started_at AS startedAt
         FROM runs WHERE workspace = ? ORDER BY started_at DESC LIMIT ?`,
      )
      .all(workspace, limit) as (Omit<StoredRun, 'sandboxed' | 'verdict'> & { sandboxed: number; verdict: string })[];
    return rows.map((r) => ({ ...r, sandboxed: r.sandboxed === 1, verdict: storedVerdict(r.runId, r.verdict) }));
  }
}

/** A verdict as read back from SQLite: one the table does not know (a newer version wrote it) reads as internal-error, said once. */
function storedVerdict(runId: string, value: string): StoredRun['verdict'] {
  const parsed = VerdictSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  log.error({ runId, verdict: value.slice(0, 100) }, 'a stored run has an unknown verdict; shown as internal-error');
  return 'internal-error';
}
