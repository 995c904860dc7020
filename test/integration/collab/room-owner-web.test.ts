import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostServices, type HostServices } from '../../../main/host/services';
import { startWebHost, type WebHost } from '../../../main/host/web-server';

// Issue 8 item 7 through the real browser host: the embedded signalling server of a room stops
// when the WebSocket of the page that hosts it closes (tab closed, reload), not when another
// page of the same host goes.

let dir: string;
let services: HostServices;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-room-owner-'));
  mkdirSync(path.join(dir, 'static'));
  mkdirSync(path.join(dir, 'folder'));
  writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html><title>CodeCrafter</title>');
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  host = await startWebHost({ services, staticDir: path.join(dir, 'static'), host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await host.close();
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** A page's socket to the browser host that can call contract methods. */
async function page(): Promise<{ call(ch: string, arg?: unknown): Promise<unknown>; close(): Promise<void> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`);
  const waiting = new Map<number, (frame: Record<string, unknown>) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    if (typeof frame.id === 'number') waiting.get(frame.id)?.(frame);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 0;
  return {
    call(ch, arg) {
      const id = ++next;
      ws.send(JSON.stringify({ t: 'call', id, ch, arg }));
      return new Promise((resolve, reject) =>
        waiting.set(id, (frame) => (frame.t === 'result' ? resolve(frame.value) : reject(new Error(JSON.stringify(frame.error))))),
      );
    },
    close: () => new Promise((resolve) => (ws.once('close', () => resolve()), ws.close())),
  };
}

async function healthy(signalUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${signalUrl.replace(/^ws/, 'http')}/health`)).ok;
  } catch {
    return false;
  }
}

describe('a room ends with the page that hosts it', () => {
  it('keeps the signalling server while another page closes, and stops it when the owner page closes', async () => {
    const owner = await page();
    const other = await page();
    await owner.call('workspace.open', { path: path.join(dir, 'folder') });
    const status = (await owner.call('room.startHosting', { lan: false })) as { signalUrl: string; signalToken: string };
    expect(await healthy(status.signalUrl)).toBe(true);
    await other.close();
    // Give the host time to handle the close it would wrongly act on.
    await new Promise((r) => setTimeout(r, 300));
    expect(await healthy(status.signalUrl)).toBe(true);
    await owner.close();
    await expect.poll(() => healthy(status.signalUrl), { timeout: 10_000 }).toBe(false);
    const again = await page();
    expect(await again.call('room.status')).toEqual({ hosting: false, signalUrl: null, lanUrl: null, signalToken: null });
    await again.close();
  });
});
