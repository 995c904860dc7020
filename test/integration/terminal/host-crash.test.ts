import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type Contract } from '../../../common/contract';
import { ErrorCode, HostError } from '../../../common/errors';
import { createClient, type ClientOf } from '../../../common/rpc';
import { createInMemoryTransport } from '../../../main/host/memory-transport';
import { createHostServices, type HostServices } from '../../../main/host/services';

// The whole host (real SQLite, real pty host process) behind the contract: kill -9 of the pty host
// closes the terminals with a plain message, the rest of the contract keeps answering, and a
// restart brings terminals back. Bad requests are refused by zod before they reach the pty host.

let dir: string;
let services: HostServices;
let api: ClientOf<Contract>;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-term-crash-'));
  mkdirSync(path.join(dir, 'project'));
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
});

afterEach(async () => {
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error, 'the call should have failed').toBeInstanceOf(HostError);
  return error as HostError;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('pty host crash', () => {
  it('closes the terminals with a message, keeps the contract answering, and restarts', async () => {
    await api.workspace.open({ path: path.join(dir, 'project') });
    const hostExits: string[] = [];
    const exits: string[] = [];
    let output = '';
    api.terminal.onDidHostExit(({ message }) => hostExits.push(message));
    api.terminal.onDidExit(({ id }) => exits.push(id));
    api.terminal.onDidData(({ data }) => (output += data));
    const term = await api.terminal.create({ cols: 80, rows: 24 });
    await api.terminal.write({ id: term.id, data: 'echo $$\n' });
    const hostPid = services.ptyHostPid()!;
    await expect.poll(() => output, { timeout: 20_000 }).toMatch(/^\d+\r?$/m);
    const shellPid = Number(/^(\d+)\r?$/m.exec(output)![1]);

    process.kill(hostPid, 'SIGKILL');
    await expect.poll(() => hostExits.length, { timeout: 15_000 }).toBe(1);
    expect(hostExits[0]).toMatch(/The terminal process stopped \(killed by SIGKILL\), so its terminal was closed.*Nothing else was affected: press Restart/);
    expect(await api.terminal.list()).toEqual([]);
    const stale = await errorOf(api.terminal.write({ id: term.id, data: 'x' }));
    expect(stale.code).toBe(ErrorCode.NotFound);
    // The shell went with its pty host (its pty's master side closed); nothing is left behind.
    await expect.poll(() => isAlive(shellPid), { timeout: 15_000 }).toBe(false);

    // The rest of the app never noticed.
    expect((await api.app.getInfo()).name).toBe('CodeCrafter');
    await api.workspace.writeFile({ path: 'after-crash.txt', content: 'still here' });
    expect((await api.workspace.readFile({ path: 'after-crash.txt' })).content).toBe('still here');
    expect((await api.settings.get()).theme).toBe('dark');

    await api.terminal.restartHost();
    const again = await api.terminal.create({ cols: 80, rows: 24 });
    expect(services.ptyHostPid()).not.toBe(hostPid);
    await api.terminal.write({ id: again.id, data: 'echo back-$((20+1))\n' });
    await expect.poll(() => output, { timeout: 20_000 }).toContain('back-21');
    expect(exits).not.toContain(again.id);
  });

  it('refuses bad requests with zod before they reach the pty host', async () => {
    const cases: [Promise<unknown>, RegExp][] = [
      [api.terminal.create({ cols: 0, rows: 24 }), /cols/],
      [api.terminal.create({ cols: 80, rows: 24, shell: 'bash' }), /absolute path/],
      [api.terminal.create({ cols: 80, rows: 24, shell: '/bin/../usr/bin/python3' }), /\.\./],
      [api.terminal.write({ id: '../t1', data: 'x' }), /terminal id/],
      [api.terminal.write({ id: 't1', data: 'x'.repeat(1024 * 1024 + 1) }), /data/],
      [api.terminal.rename({ id: 't1', title: '   ' }), /name/],
      [api.terminal.ack({ id: 't1', chars: -5 }), /chars/],
      [(api.terminal.resize as (a: unknown) => Promise<void>)({ id: 't1', cols: 80, rows: 24, shell: '/bin/sh' }), /shell|Unrecognized/i],
    ];
    for (const [call, message] of cases) {
      const error = await errorOf(call);
      expect(error.code).toBe(ErrorCode.InvalidArgument);
      expect(error.message + JSON.stringify(error.details ?? '')).toMatch(message);
    }
    // A valid request for a terminal that does not exist is a plain not-found, not a crash.
    expect((await errorOf(api.terminal.kill({ id: 't77' }))).code).toBe(ErrorCode.NotFound);
  });

  it('says what to do when the shell in Settings is not installed', async () => {
    await api.settings.update({ shell: '/opt/missing/fish' });
    const error = await errorOf(api.terminal.create({ cols: 80, rows: 24 }));
    expect(error.code).toBe(ErrorCode.NotFound);
    expect(error.message).toBe(
      'No shell at "/opt/missing/fish": it is not installed on this machine. Pick another profile from the terminal\'s profile list, or change "Shell" in Settings.',
    );
    const profiles = await api.terminal.profiles();
    expect(profiles.map((p) => p.shell)).toContain('/bin/bash');
    expect(profiles.map((p) => p.name)).not.toContain('tmux');
    const bash = await api.terminal.create({ cols: 80, rows: 24, shell: '/bin/bash' });
    expect(bash.shell).toBe('/bin/bash');
  });
});
