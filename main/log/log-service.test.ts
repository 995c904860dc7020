import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILES_KEPT, closeLogFile, getLogger, listLogFiles, openLogFile, readRecentLog, rootLogger, writeForwardedLog } from './log-service';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-log-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  closeLogFile();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('log service', () => {
  it('writes records with component and error context to an owner-only file in the data dir', async () => {
    const dir = dataDir();
    await openLogFile(dir);
    const log = getLogger('sandbox');
    log.info({ runId: 'r1' }, 'run started');
    log.error({ err: new Error('container vanished'), runId: 'r1' }, 'run failed');
    const { text, files } = readRecentLog(dir);
    const records = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r.msg)).toEqual(['run started', 'run failed']);
    expect(records[1]).toMatchObject({ component: 'sandbox', runId: 'r1', level: 50 });
    expect((records[1]!.err as { message: string; stack: string }).message).toBe('container vanished');
    expect((records[1]!.err as { stack: string }).stack).toContain('log-service.test.ts');
    expect(statSync(path.join(dir, 'logs')).mode & 0o777).toBe(0o700);
    expect(statSync(files[0]!).mode & 0o777).toBe(0o600);
  });

  it('reads back every record at once, even while an earlier write is still on its way to the disk', async () => {
    const dir = dataDir();
    await openLogFile(dir);
    const log = getLogger('worker');
    // "Show logs" and a failed request's report read the file right after the record was logged.
    for (let i = 0; i < 300; i++) {
      log.info({ i }, 'a request failed');
      const last = JSON.parse(readRecentLog(dir).text.trim().split('\n').at(-1) ?? '{}') as { i?: number };
      expect(last.i).toBe(i);
      if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
  });

  it('rotates by size and keeps a bounded number of files', async () => {
    const dir = dataDir();
    const fileBytes = 64 * 1024;
    await openLogFile(dir, fileBytes);
    const log = getLogger('flood');
    const line = 'x'.repeat(1000);
    // About 16 files' worth of records, in bursts with the event loop turning between them as it
    // does in the app (the file is written, and rolled once a write drains, asynchronously).
    const total = Math.ceil((16 * fileBytes) / 1000);
    for (let i = 0; i < total; i++) {
      log.info({ i }, line);
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    closeLogFile();
    const files = listLogFiles(dir);
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(LOG_FILES_KEPT + 1);
    // pino-roll checks the size after writes land, so a burst can overshoot one file; what must
    // hold is that old files are removed, so the disk keeps far less than was written.
    const kept = files.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(kept).toBeLessThan(total * 1000 * 0.6);
    const { text } = readRecentLog(dir, 16 * 1024);
    const last = JSON.parse(text.trim().split('\n').at(-1)!) as { i: number };
    expect(last.i).toBe(total - 1);
  });

  it('writes the records a worker forwards by their level, each line as the worker wrote it', async () => {
    const dir = dataDir();
    await openLogFile(dir);
    const line = (level: number, msg: string) => `${JSON.stringify({ level, threadId: 2, component: 'history', msg })}\n`;
    // The file takes the configured level and above, as for main's own records.
    writeForwardedLog({ level: rootLogger.levelVal - 1, line: line(rootLogger.levelVal - 1, 'below the level') });
    writeForwardedLog({ level: rootLogger.levelVal, line: line(rootLogger.levelVal, 'at the level') });
    const records = readRecentLog(dir).text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toEqual([{ level: rootLogger.levelVal, threadId: 2, component: 'history', msg: 'at the level' }]);
  });

  it('reads nothing, without failing, where nothing was logged', () => {
    expect(readRecentLog(dataDir())).toEqual({ text: '', files: [] });
  });
});
