import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../common/contract';
import { ErrorCode } from '../../common/errors';
import { createDispatcher, type ImplOf } from '../../common/rpc';
import type { Contract } from '../../common/contract';
import { closeLogFile, getLogger, openLogFile } from '../log/log-service';
import { withRequestLogging } from '../log/logged-dispatcher';
import { RENDERER_LOG_BURST } from '../log/renderer-log-sink';
import { createLogHandlers } from './log-handlers';

// The log methods of the contract over a real data folder and a real log file.

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-log-handlers-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  closeLogFile();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A dispatcher serving only the `app` log methods; the rest of the contract is not called here. */
function logDispatcher(dir: string, openFolder?: (folder: string) => Promise<void>) {
  const logs = createLogHandlers({ dataDir: dir, openFolder });
  const app = { getInfo: () => { throw new Error('unused'); }, getNotices: () => [], takePendingInvite: () => ({ link: null }), ...logs };
  const impl = new Proxy({ app } as unknown as ImplOf<Contract>, {
    get: (target, service) => (target as Record<string | symbol, unknown>)[service] ?? new Proxy({}, { get: () => () => undefined }),
  });
  return withRequestLogging(createDispatcher(contract, impl), getLogger('host'));
}

function records(text: string): Record<string, unknown>[] {
  return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('app.log / app.readLog', () => {
  it('a renderer record reaches the file and "Show logs" reads it back with the folder', async () => {
    const dir = dataDir();
    await openLogFile(dir);
    const dispatcher = logDispatcher(dir);
    const logged = await dispatcher.call('app.log', { level: 'error', component: 'editor', message: 'save failed', context: { path: 'src/a.py' } }, { origin: 'web:1' });
    expect(logged).toEqual({ ok: true, value: { accepted: true } });
    const read = await dispatcher.call('app.readLog', undefined, { origin: 'web:1' });
    expect(read.ok).toBe(true);
    const value = (read as { value: { text: string; folder: string; files: string[]; level: string } }).value;
    expect(value.folder).toBe(path.join(dir, 'logs'));
    expect(value.files[0]).toContain(path.join(dir, 'logs'));
    expect(value.level).toMatch(/^(trace|debug|info|warn|error|fatal)$/);
    const record = records(value.text).find((r) => r.msg === 'save failed');
    expect(record).toMatchObject({ level: 50, component: 'renderer', rendererComponent: 'editor', path: 'src/a.py', origin: 'web:1' });
  });

  it('refuses malformed and oversized records with a typed error, and logs the refusal once', async () => {
    const dir = dataDir();
    await openLogFile(dir);
    const dispatcher = logDispatcher(dir);
    const tooLong = await dispatcher.call('app.log', { level: 'error', component: 'x', message: 'm'.repeat(5000) }, { origin: 'web:1' });
    expect(tooLong.ok).toBe(false);
    const badLevel = await dispatcher.call('app.log', { level: 'fatal', component: 'x', message: 'm' }, { origin: 'web:1' });
    expect(badLevel).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidArgument } });
    const badComponent = await dispatcher.call('app.log', { level: 'warn', component: '../etc', message: 'm' }, { origin: 'web:1' });
    expect(badComponent.ok).toBe(false);
    const text = (await dispatcher.call('app.readLog', undefined, { origin: 'web:1' }) as { value: { text: string } }).value.text;
    const refusals = records(text).filter((r) => r.channel === 'app.log');
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toMatchObject({ level: 40, component: 'host', code: ErrorCode.InvalidArgument, origin: 'web:1' });
  });

  it('rate-limits per connection: a flood is cut, counted once, and another connection still logs', async () => {
    const dir = dataDir();
    await openLogFile(dir);
    const dispatcher = logDispatcher(dir);
    const flood = [];
    for (let i = 0; i < RENDERER_LOG_BURST * 3; i++) {
      flood.push(await dispatcher.call('app.log', { level: 'warn', component: 'loop', message: `again ${i}` }, { origin: 'web:flood' }));
    }
    const accepted = flood.filter((r) => r.ok && (r.value as { accepted: boolean }).accepted).length;
    expect(accepted).toBeGreaterThanOrEqual(RENDERER_LOG_BURST);
    expect(accepted).toBeLessThan(RENDERER_LOG_BURST * 3);
    const other = await dispatcher.call('app.log', { level: 'warn', component: 'calm', message: 'one' }, { origin: 'web:calm' });
    expect(other).toEqual({ ok: true, value: { accepted: true } });
  });

  it('the browser host cannot open the folder and says where it is; Electron opens it', async () => {
    const dir = dataDir();
    const web = await logDispatcher(dir).call('app.openLogFolder', undefined, { origin: 'web:1' });
    expect(web).toMatchObject({ ok: false, error: { code: ErrorCode.Unsupported } });
    expect((web as { error: { message: string } }).error.message).toContain(path.join(dir, 'logs'));
    const opened: string[] = [];
    const electron = await logDispatcher(dir, async (folder) => void opened.push(folder)).call('app.openLogFolder', undefined, { origin: 'electron:1' });
    expect(electron.ok).toBe(true);
    expect(opened).toEqual([path.join(dir, 'logs')]);
  });

  it('reads an empty log before anything was written', async () => {
    const dir = dataDir();
    const read = await logDispatcher(dir).call('app.readLog', undefined, { origin: 'web:1' });
    expect(read).toMatchObject({ ok: true, value: { text: '', files: [], folder: path.join(dir, 'logs') } });
  });
});
