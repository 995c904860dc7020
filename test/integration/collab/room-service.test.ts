import { describe, expect, it } from 'vitest';
import type { HostContext } from '../../../main/host/host-context';
import { createRoomHandlers, lanAddress } from '../../../main/host/room-handlers';
import { createDispatcher } from '../../../common/rpc';
import { roomContract } from '../../../common/contract-room';

// The room service: the app embeds the signalling server while it hosts a room.

const ctx = {} as HostContext;
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
    expect(await room.impl.status(undefined, call)).toEqual({ hosting: false, signalUrl: null, lanUrl: null });
    const started = await room.impl.startHosting(undefined, call);
    expect(started.signalUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(started.lanUrl).toBeNull();
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
    await room.dispose?.();
    expect(await healthy(started.signalUrl!)).toBe(false);
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
