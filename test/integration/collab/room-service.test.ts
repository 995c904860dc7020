import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostContext } from '../../../main/host/host-context';
import { openAppDatabase } from '../../../main/store/database';
import { SettingsStore } from '../../../main/store/settings-store';
import { WorkspaceService } from '../../../main/workspace/workspace-service';
import { createRoomHandlers, lanAddress } from '../../../main/host/room-handlers';
import { createDispatcher } from '../../../common/rpc';
import { roomContract } from '../../../common/contract-room';
import { listeningAddresses } from './listening';

// The room service: the app embeds the signalling server while it hosts a room.

// A real settings database and an open folder: hosting reads the room caps and roots the write
// policy in the folder.
const base = mkdtempSync(path.join(os.tmpdir(), 'cc-room-service-'));
const { db } = openAppDatabase(path.join(base, 'data'));
const workspace = new WorkspaceService(() => {});
const ctx = { settings: new SettingsStore(db), workspace } as unknown as HostContext;
beforeAll(async () => {
  const folder = path.join(base, 'folder');
  mkdirSync(folder);
  await workspace.open(folder);
});
afterAll(() => {
  workspace.dispose();
  db.close();
  rmSync(base, { recursive: true, force: true });
});
const call = { origin: 'test' };

async function healthy(signalUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${signalUrl.replace(/^ws/, 'http')}/health`);
    return res.ok;
  } catch {
    return false;
  }
}

describe('room service', () => {
  it('starts the signalling server once, on loopback, and stops it', async () => {
    const room = createRoomHandlers(ctx);
    expect(await room.impl.status(undefined, call)).toEqual({ hosting: false, signalUrl: null, lanUrl: null, signalToken: null });
    const started = await room.impl.startHosting(undefined, call);
    expect(started.signalUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(started.lanUrl).toBeNull();
    // Bound to loopback only (issue 8 item 7), as the kernel's socket table says, not 0.0.0.0.
    expect(listeningAddresses(Number(new URL(started.signalUrl!).port))).toEqual(['127.0.0.1']);
    // A fresh token of at least 128 bits for every room.
    expect(started.signalToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await healthy(started.signalUrl!)).toBe(true);
    expect((await room.impl.startHosting(undefined, call)).signalUrl).toBe(started.signalUrl);
    expect((await room.impl.status(undefined, call)).hosting).toBe(true);
    expect(room.isHosting()).toBe(true);
    await room.impl.stopHosting(undefined, call);
    expect(room.isHosting()).toBe(false);
    expect(await healthy(started.signalUrl!)).toBe(false);
    await room.dispose?.();
  });

  it('offers the LAN address when asked and one exists, and dispose closes the server', async () => {
    const room = createRoomHandlers(ctx);
    const started = await room.impl.startHosting({ lan: true }, call);
    const lan = lanAddress();
    if (lan) expect(started.lanUrl).toBe(`ws://${lan}:${new URL(started.signalUrl!).port}`);
    else expect(started.lanUrl).toBeNull();
    expect(await healthy(started.signalUrl!)).toBe(true);
    expect(listeningAddresses(Number(new URL(started.signalUrl!).port))).toEqual([lan ? '0.0.0.0' : '127.0.0.1']);
    await room.dispose?.();
    expect(await healthy(started.signalUrl!)).toBe(false);
  });

  it('gives every room a new token, and stops when the page that hosts it goes away, not another one', async () => {
    const room = createRoomHandlers(ctx);
    const first = await room.impl.startHosting(undefined, { origin: 'web:127.0.0.1#1' });
    await room.connectionClosed('web:127.0.0.1#2');
    expect(await healthy(first.signalUrl!)).toBe(true);
    await room.connectionClosed('web:127.0.0.1#1');
    expect(room.isHosting()).toBe(false);
    expect(await healthy(first.signalUrl!)).toBe(false);
    const second = await room.impl.startHosting(undefined, { origin: 'web:127.0.0.1#3' });
    expect(second.signalToken).not.toBe(first.signalToken);
    await room.dispose?.();
  });

  it('refuses bad arguments with a typed error', async () => {
    const room = createRoomHandlers(ctx);
    const dispatcher = createDispatcher({ room: roomContract }, { room: room.impl });
    const result = await dispatcher.call('room.startHosting', { lan: 'yes', extra: 1 }, call);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-argument');
    await room.dispose?.();
  });
});
