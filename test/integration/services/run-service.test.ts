// The run use case behind its interface (issue 12), with real parts: the real dockerd and images,
// a real folder opened by the WorkspaceService, the execution history in a real SQLite file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent, RunResult } from '../../../common/sandbox';
import type { SandboxService } from '../../../main/sandbox/service';
import { createRunService, type RunService } from '../../../main/services/run-service';
import { openAppDatabase, type SqliteDatabase } from '../../../main/store/database';
import { RunHistory } from '../../../main/store/run-history';
import { WorkspaceService } from '../../../main/workspace/workspace-service';
import { startService } from '../sandbox/helpers';

describe('RunService', () => {
  let tmp: string;
  let sandbox: SandboxService;
  let workspace: WorkspaceService;
  let db: SqliteDatabase;
  let runs: RunService;
  const events: RunEvent[] = [];
  const recorded: string[] = [];
  const ended: RunResult[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cc-run-service-'));
    const folder = path.join(tmp, 'project');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    writeFileSync(path.join(folder, 'main.py'), 'print("from disk")\n');
    writeFileSync(path.join(folder, 'util.py'), 'GREETING = "hello"\n');
    sandbox = await startService({ warm: [] });
    workspace = new WorkspaceService(() => {});
    await workspace.open(folder);
    db = openAppDatabase(path.join(tmp, 'data')).db;
    runs = createRunService({
      sandbox,
      workspace,
      runHistory: new RunHistory(db),
      recording: {
        runStarted: (runId, language, entry) => recorded.push(`start ${runId} ${language} ${entry}`),
        runEnded: (result) => ended.push(result),
      },
      onEvent: (event) => events.push(event),
    });
  }, 120_000);

  afterAll(async () => {
    workspace?.dispose();
    await sandbox?.dispose();
    db?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const done = (runId: string) =>
    new Promise<RunResult>((resolve) => {
      const poll = () => {
        const end = ended.find((r) => r.runId === runId);
        // runEnded comes before the history write; wait until both are there.
        if (end && runs.history().some((r) => r.runId === runId)) resolve(end);
        else setTimeout(poll, 50);
      };
      poll();
    });

  it('runs the editor text over the files on disk, streams, records and keeps the run', async () => {
    const { runId } = await runs.run({
      language: 'python',
      entry: 'main.py',
      stdin: 'Ada\n',
      openFiles: [{ path: 'main.py', content: 'from util import GREETING\nprint(GREETING, input())\n' }],
    });
    const result = await done(runId);
    expect(result.verdict).toBe('ok');
    expect(recorded).toContain(`start ${runId} python main.py`);
    const output = events.filter((e) => e.runId === runId && e.type === 'output').map((e) => (e.type === 'output' ? e.data : '')).join('');
    expect(output).toBe('hello Ada\n');
    expect(events.some((e) => e.runId === runId && e.type === 'done')).toBe(true);
    const stored = runs.history().find((r) => r.runId === runId)!;
    expect(stored).toMatchObject({ language: 'python', entry: 'main.py', verdict: 'ok', output: 'hello Ada\n', sandboxed: true });
  }, 120_000);

  it('refuses an unsandboxed run the policy does not allow, and nothing is recorded', async () => {
    const before = recorded.length;
    await expect(runs.run({ language: 'python', entry: 'main.py', unsandboxed: true })).rejects.toMatchObject({ code: 'permission-denied' });
    expect(recorded.length).toBe(before);
  });
});
