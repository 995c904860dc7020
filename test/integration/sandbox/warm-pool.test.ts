// Issue 11: warm containers only for the languages in use. Nothing is warmed at start; a run
// warms its language (a container waits for the next run); a language unused for the idle time is
// cooled and its containers removed; warm() warms ahead (the workspace's languages). Real dockerd.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJudgePool } from '../../../main/interview/judge-pool';
import { workspaceLanguages } from '../../../main/workspace/workspace-languages';
import { containersOf, one, runToEnd, startService } from './helpers';

async function eventually<T>(read: () => Promise<T> | T, check: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

describe('warm pool', () => {
  it('starts cold, warms a language at its first run, and cools it after the idle time', { timeout: 180_000 }, async () => {
    const service = await startService({ idleMs: 8_000 });
    try {
      await service.settle();
      expect(service.warmLanguages()).toEqual([]);
      expect(await containersOf(service)).toEqual([]);

      const { result } = await runToEnd(service, one('bash', 'main.sh', 'echo hi'));
      expect(result.verdict, result.message).toBe('ok');
      expect(service.warmLanguages()).toEqual(['bash']);
      // The used container goes; one fresh container waits for the next bash run.
      expect((await eventually(() => containersOf(service), (ids) => ids.length === 1)).length).toBe(1);

      expect(await eventually(() => containersOf(service), (ids) => ids.length === 0)).toEqual([]);
      expect(service.warmLanguages()).toEqual([]);
    } finally {
      await service.dispose();
    }
  });

  it('warms ahead on request and keeps CODECRAFTER_SANDBOX_WARM-style start lists', { timeout: 180_000 }, async () => {
    const service = await startService({ warm: ['python'], idleMs: 60_000 });
    try {
      await service.warm(['lua']);
      expect(service.warmLanguages().sort()).toEqual(['lua', 'python']);
      expect((await eventually(() => containersOf(service), (ids) => ids.length === 2)).length).toBe(2);
    } finally {
      await service.dispose();
    }
    expect(await containersOf(service)).toEqual([]);
  });
});

describe("the judge's pool (refill on release)", () => {
  it('makes no container while one is taken, one after it is given back, and an acquire waits for that one', { timeout: 180_000 }, async () => {
    const pool = await openJudgePool();
    try {
      pool.warm(['bash']);
      await pool.settle();
      const [warmId] = await containersOf(pool);
      expect(warmId).toBeDefined();

      // Taken: nothing is made beside it while it is in use (a refill on acquire would make one).
      const taken = await pool.acquire('bash');
      expect(taken.id).toBe(warmId);
      await pool.settle();
      expect(await containersOf(pool)).toEqual([taken.id]);

      // Given back: it goes, and the next one is being made; an acquire right away takes that
      // one instead of making a second.
      pool.release(taken);
      const next = await pool.acquire('bash');
      expect(next.id).not.toBe(taken.id);
      await pool.settle();
      expect(await containersOf(pool)).toEqual([next.id]);
      pool.release(next);
    } finally {
      await pool.dispose();
    }
  });
});

describe('workspaceLanguages', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-ws-langs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the languages of a folder, most files first, skipping hidden folders and headers', async () => {
    mkdirSync(path.join(dir, 'pkg'));
    mkdirSync(path.join(dir, '.venv'));
    for (const name of ['a.py', 'b.py', 'pkg/c.py', 'main.go', 'x.h', 'y.h', 'z.h', 'README.md']) writeFileSync(path.join(dir, name), '');
    for (const name of ['1.rb', '2.rb', '3.rb', '4.rb']) writeFileSync(path.join(dir, '.venv', name), '');
    expect(await workspaceLanguages(dir)).toEqual(['python', 'go']);
  });
});
