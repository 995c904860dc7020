import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Contract } from '../../common/contract';
import { ErrorCode, HostError } from '../../common/errors';
import { createClient, type ClientOf } from '../../common/rpc';
import type { RunEvent, RunResult } from '../../common/sandbox';
import { createInMemoryTransport } from './memory-transport';
import { createHostServices, type HostServices } from './services';

// The run panel's path through the contract, against the real dockerd and the built images
// (`npm run images`): the workspace's files go into a sandbox, unsaved editor text wins over the
// disk, output streams as events, and the run lands in the SQLite execution history.

let dir: string;
let services: HostServices;
let api: ClientOf<Contract>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-sandbox-contract-'));
  const ws = path.join(dir, 'ws');
  mkdirSync(path.join(ws, 'lib'), { recursive: true });
  writeFileSync(path.join(ws, 'main.py'), 'from lib.greet import greet\nprint(greet(input()))\n');
  writeFileSync(path.join(ws, 'lib', '__init__.py'), '');
  writeFileSync(path.join(ws, 'lib', 'greet.py'), 'def greet(name):\n    return "hello " + name\n');
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
  await api.workspace.open({ path: ws });
  const status = await api.sandbox.status();
  if (status.docker !== 'ok' || !status.images.find((i) => i.language === 'python')?.present) {
    throw new Error(`these tests need Docker and the sandbox images: ${status.message ?? 'images missing'}; run \`npm run images\``);
  }
});

afterAll(async () => {
  await services?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function runToEnd(arg: Parameters<typeof api.sandbox.run>[0]): Promise<{ result: RunResult; events: RunEvent[] }> {
  return new Promise((resolve, reject) => {
    const events: RunEvent[] = [];
    let runId: string | undefined;
    const off = api.sandbox.onDidRunEvent((event) => {
      events.push(event);
      if (event.type === 'done' && event.runId === runId) {
        off();
        resolve({ result: event.result, events: events.filter((e) => e.runId === runId) });
      }
    });
    api.sandbox.run(arg).then((r) => (runId = r.runId), reject);
  });
}

describe('sandbox through the contract', () => {
  it('runs the workspace with stdin, streams output and keeps the run in history', async () => {
    const { result, events } = await runToEnd({ language: 'python', entry: 'main.py', stdin: 'crafter\n' });
    expect(result.verdict).toBe('ok');
    expect(result.sandboxed).toBe(true);
    const stdout = events.filter((e) => e.type === 'output' && e.stream === 'stdout').map((e) => (e as { data: string }).data).join('');
    expect(stdout).toBe('hello crafter\n');
    await expect.poll(async () => (await api.sandbox.history()).map((r) => r.runId)).toContain(result.runId);
    const stored = (await api.sandbox.history()).find((r) => r.runId === result.runId)!;
    expect(stored).toMatchObject({ verdict: 'ok', entry: 'main.py', language: 'python', output: 'hello crafter\n' });
  });

  it('uses the editor text of an unsaved file instead of the disk', async () => {
    const { result, events } = await runToEnd({
      language: 'python',
      entry: 'main.py',
      stdin: 'x\n',
      openFiles: [{ path: 'lib/greet.py', content: 'def greet(name):\n    return "unsaved " + name\n' }],
    });
    expect(result.verdict).toBe('ok');
    expect(events.map((e) => (e.type === 'output' ? e.data : '')).join('')).toBe('unsaved x\n');
  });

  it('refuses bad requests before anything runs', async () => {
    for (const bad of [
      { language: 'cobol', entry: 'main.py' },
      { language: 'python', entry: '../main.py' },
      { language: 'python', entry: 'missing.py' },
      { language: 'python', entry: 'main.py', limits: { timeMs: -5 } },
      { language: 'python', entry: 'main.py', limits: { memoryMb: 10 ** 9 } },
    ]) {
      const error = await api.sandbox.run(bad as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(bad)).toBeInstanceOf(HostError);
      expect((error as HostError).code).toBe(ErrorCode.InvalidArgument);
    }
  });

  it('runs unsandboxed only when the user turned it on', async () => {
    const refused = await api.sandbox.run({ language: 'python', entry: 'main.py', unsandboxed: true }).then(
      () => undefined,
      (e: unknown) => e as HostError,
    );
    expect(refused?.code).toBe(ErrorCode.PermissionDenied);
    expect(refused?.message).toMatch(/Settings/);
  });

  it('never runs unsandboxed while the workspace is shared as a room', async () => {
    await api.settings.update({ allowUnsandboxed: true });
    await api.room.startHosting({});
    try {
      const refused = await api.sandbox.run({ language: 'python', entry: 'main.py', unsandboxed: true }).then(
        () => undefined,
        (e: unknown) => e as HostError,
      );
      expect(refused?.code).toBe(ErrorCode.PermissionDenied);
      expect(refused?.message).toMatch(/shared room/);
    } finally {
      await api.room.stopHosting({});
      await api.settings.update({ allowUnsandboxed: false });
    }
  });
});
