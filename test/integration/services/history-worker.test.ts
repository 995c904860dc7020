// The history recorder on its own thread (issue 12): main's client forwards calls and hooks to a
// real worker_thread running the HistoryService over a real SQLite file, and hears its commits
// and its log records, which end up in main's log file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { HistoryStored } from '../../../common/contract-history';
import { ErrorCode } from '../../../common/errors';
import { syncStep1Message, updateMessage } from '../../../common/history-sync';
import { HistoryStore } from '../../../main/history';
import { closeLogFile, openLogFile, readRecentLog } from '../../../main/log/log-service';
import { startHistoryWorker } from '../../../main/services/history-worker-client';

describe('history worker', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cc-history-worker-'));
  const root = path.join(tmp, 'project');
  mkdirSync(root);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('records pushes and hooks off the main thread, reports commits, and leaves them on disk', async () => {
    const historyFile = path.join(tmp, 'history.sqlite');
    const stored: HistoryStored[] = [];
    let openRoot: string | null = root;
    const worker = startHistoryWorker({ historyFile, exportDir: path.join(tmp, 'exports'), retentionDays: null, openRoot: () => openRoot, onStored: (s) => stored.push(s) });
    try {
      const doc = new Y.Doc();
      const live = await worker.api.begin({ syncStep1: Buffer.from(syncStep1Message(doc)).toString('base64') });
      expect(live.resumed).toBe(false);
      const messages: { data: string; time: number; author: string }[] = [];
      doc.on('update', (u: Uint8Array) => messages.push({ data: Buffer.from(updateMessage(u)).toString('base64'), time: Date.now(), author: 'you' }));
      const text = new Y.Text();
      doc.getMap<Y.Text>('files').set('main.py', text);
      text.insert(0, 'print("hi")\n');
      expect(await worker.api.push({ sessionId: live.sessionId, messages, events: [] })).toEqual({ lastSeq: 2, sync: [] });
      worker.hooks.runStarted('run-1', 'python', 'main.py');
      worker.hooks.runEnded({ runId: 'run-1', verdict: 'ok', exitCode: 0, signal: null, wallMs: 12, cpuMs: 5, peakMemoryKb: 900, sandboxed: true } as never);
      const flushed = await worker.api.flush(undefined);
      expect(flushed).toEqual({ sessionId: live.sessionId, durableSeq: 2 });
      await expect.poll(() => stored.at(-1)?.durableSeq, { timeout: 10_000 }).toBe(2);
      const events = await worker.api.events({ sessionId: live.sessionId, kinds: ['run-start', 'run-end'] });
      expect(events.map((e) => e.event.kind)).toEqual(['run-start', 'run-end']);
      // Errors come back with the contract's codes, mapped in the worker.
      await expect(worker.api.filesAt({ sessionId: '00000000-0000-0000-0000-000000000000', at: 'end' })).rejects.toMatchObject({ code: ErrorCode.NotFound });
      openRoot = null;
      expect(await worker.api.listSessions({ allWorkspaces: true })).toHaveLength(1);
    } finally {
      await worker.dispose();
    }
    // The worker is gone: calls say so instead of hanging.
    await expect(worker.api.flush(undefined)).rejects.toMatchObject({ code: ErrorCode.Unavailable });
    // What it committed is in the file, readable from this thread.
    const store = HistoryStore.open(historyFile);
    try {
      const [session] = store.listSessions({});
      expect(store.openReplay(session!.id).filesAt('end').files).toEqual({ 'main.py': 'print("hi")\n' });
    } finally {
      store.close();
    }
  }, 120_000);

  it('writes an error of the worker to main\'s log file, with its level and context', async () => {
    const dataDir = path.join(tmp, 'data');
    await openLogFile(dataDir);
    // The export folder's path is taken by a file: creating the folder fails inside the worker.
    const exportDir = path.join(tmp, 'exports-taken');
    writeFileSync(exportDir, 'not a folder');
    const worker = startHistoryWorker({ historyFile: path.join(tmp, 'logged.sqlite'), exportDir, retentionDays: null, openRoot: () => root, onStored: () => {} });
    try {
      const live = await worker.api.begin({ syncStep1: Buffer.from(syncStep1Message(new Y.Doc())).toString('base64') });
      await expect(worker.api.exportSession({ sessionId: live.sessionId })).rejects.toThrow(/EEXIST/);
      const records = readRecentLog(dataDir)
        .text.trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const logged = records.filter((r) => r.msg === 'a history request failed');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 50, component: 'history', method: 'exportSession', pid: process.pid });
      // From the worker thread (main's own records carry no threadId), with the error's stack.
      expect(logged[0]!.threadId).toEqual(expect.any(Number));
      const err = logged[0]!.err as { message: string; stack: string };
      expect(err.message).toContain(exportDir);
      expect(err.stack).toContain('history-service');
    } finally {
      await worker.dispose();
      closeLogFile();
    }
  }, 120_000);
});
