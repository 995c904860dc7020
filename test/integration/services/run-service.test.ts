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
  /** What a client reading the histories at the moment `done` reached it would see. */
  const seenAtDone = new Map<string, { runHistory: boolean; recording: boolean }>();

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
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'done') {
          seenAtDone.set(event.runId, {
            runHistory: runs.history().some((r) => r.runId === event.runId),
            recording: ended.some((r) => r.runId === event.runId),
          });
        }
      },
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
        const end = events.find((e) => e.runId === runId && e.type === 'done');
        if (end?.type === 'done') resolve(end.result);
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

  it('has the run in the execution history and the recording by the time `done` is emitted', async () => {
    // A client refreshes its run list when `done` arrives (renderer/run/run-controller.ts); a run
    // written after `done` was missing from that list.
    const { runId } = await runs.run({ language: 'python', entry: 'main.py', openFiles: [{ path: 'main.py', content: 'print(2 + 2)\n' }] });
    const result = await done(runId);
    expect(result.verdict).toBe('ok');
    expect(seenAtDone.get(runId)).toEqual({ runHistory: true, recording: true });
    // The output streamed before `done`, and is in the stored run.
    const types = events.filter((e) => e.runId === runId).map((e) => e.type);
    expect(types.indexOf('output')).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('output')).toBeLessThan(types.indexOf('done'));
    expect(runs.history().find((r) => r.runId === runId)?.output).toBe('4\n');
  }, 120_000);

  it('refuses an unsandboxed run the policy does not allow, and nothing is recorded', async () => {
    const before = recorded.length;
    await expect(runs.run({ language: 'python', entry: 'main.py', unsandboxed: true })).rejects.toMatchObject({ code: 'permission-denied' });
    expect(recorded.length).toBe(before);
  });
});
