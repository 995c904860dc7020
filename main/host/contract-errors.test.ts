import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../common/contract';
import { ErrorCode } from '../../common/errors';
import { channelName, type CallResult } from '../../common/rpc';
import { createHostServices, type HostServices } from './services';

// The errors each contract method declares (`method(input, { errors })`, listed in
// docs/reference/contract.md) against what the real host answers: every failure below must carry
// a code its method declares, or one every method may give.

const ALWAYS: string[] = [ErrorCode.InvalidArgument, ErrorCode.Internal];
const KNOWN = new Set<string>(Object.values(ErrorCode));

let dir: string;
let services: HostServices;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-contract-errors-'));
  mkdirSync(path.join(dir, 'project'));
  mkdirSync(path.join(dir, 'full'));
  writeFileSync(path.join(dir, 'full', 'x.txt'), 'x');
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
});

afterAll(async () => {
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function declared(service: string, member: string): string[] {
  const entry = (contract as unknown as Record<string, Record<string, { kind: string; errors?: string[] }>>)[service]![member]!;
  return [...ALWAYS, ...(entry.errors ?? [])];
}

/** Calls the real host and returns the failure's code, checking it is declared for the method. */
async function failure(service: string, member: string, arg: unknown): Promise<string> {
  const result: CallResult = await services.dispatcher.call(channelName(service, member), arg, { origin: 'test' });
  expect(result.ok, `${service}.${member} should have failed`).toBe(false);
  const code = (result as Extract<CallResult, { ok: false }>).error.code;
  expect(declared(service, member), `${service}.${member} answered "${code}", which it does not declare`).toContain(code);
  return code;
}

describe('contract errors', () => {
  it('declares only known codes, and never the ones every method gives', () => {
    for (const [service, spec] of Object.entries(contract)) {
      for (const [member, entry] of Object.entries(spec)) {
        if (entry.kind !== 'method') continue;
        for (const code of entry.errors) {
          expect(KNOWN.has(code), `${service}.${member}: ${code}`).toBe(true);
          expect(ALWAYS, `${service}.${member} repeats ${code}`).not.toContain(code);
        }
        expect(new Set(entry.errors).size, `${service}.${member} lists a code twice`).toBe(entry.errors.length);
      }
    }
  });

  it('answers each failure with a code its method declares', async () => {
    expect(await failure('workspace', 'listFiles', {})).toBe(ErrorCode.NoWorkspace);
    expect(await failure('workspace', 'readFile', { path: 'a.txt' })).toBe(ErrorCode.NoWorkspace);
    expect(await failure('workspace', 'open', { path: path.join(dir, 'missing') })).toBe(ErrorCode.NotFound);
    expect(await failure('workspace', 'readFile', { path: '../escape' })).toBe(ErrorCode.InvalidArgument);
    await services.dispatcher.call('workspace.open', { path: path.join(dir, 'project') }, { origin: 'test' });
    expect(await failure('workspace', 'readFile', { path: 'nope.txt' })).toBe(ErrorCode.NotFound);
    await services.dispatcher.call('workspace.createFile', { path: 'a.txt' }, { origin: 'test' });
    expect(await failure('workspace', 'createFile', { path: 'a.txt' })).toBe(ErrorCode.AlreadyExists);
    expect(await failure('workspace', 'createFolder', { path: 'a.txt' })).toBe(ErrorCode.AlreadyExists);
    expect(await failure('workspace', 'delete', { path: 'gone' })).toBe(ErrorCode.NotFound);
    expect(await failure('sandbox', 'run', { language: 'bash', entry: 'a.txt', unsandboxed: true })).toBe(ErrorCode.PermissionDenied);
    expect(await failure('dialog', 'pickFolder', {})).toBe(ErrorCode.Unsupported);
    expect(await failure('app', 'openLogFolder', {})).toBe(ErrorCode.Unsupported);
    expect(await failure('history', 'filesAt', { sessionId: '00000000-0000-4000-8000-000000000000', at: 'end' })).toBe(ErrorCode.NotFound);
    expect(await failure('history', 'fork', { sessionId: '00000000-0000-4000-8000-000000000000', at: 'end', folder: path.join(dir, 'full') })).toMatch(/^(not-found|already-exists)$/);
  });
});
