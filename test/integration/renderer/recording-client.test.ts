import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../common/errors';
import type { CallResult, ClientTransport } from '../../../common/rpc';
import { WorkspaceDocuments } from '../../../renderer/editor/workspace-documents';
import { createRecordingClient, type RecordingClient } from '../../../renderer/replay/recording-client';
import { startRealHost, type RealHost } from './real-host';

// The history recorder over the real host's history service (a real SQLite file): typing is sent
// in batches, not an update a push; a push the host could not take is healed by a new start
// (nothing typed is lost); and the answer to a recording that has ended changes nothing.

let host: RealHost;
let docs: WorkspaceDocuments;
let recorder: RecordingClient;
let stop: () => void;
/** Every history.push asked for: how many messages it carried. */
let pushes: number[];
let begins: number;
/** While set, the next push waits for this test to answer it (with the host's answer, or a failure). */
let holdNextPush: boolean;
let held: Array<{ pass(): void; fail(): void }>;
/** Pushes that fail as a host that is going away would answer (Unavailable). */
let failPushes: number;

function watchHistory(transport: ClientTransport): ClientTransport {
  return {
    ...transport,
    request: async (method, args) => {
      if (method === 'history.begin') begins++;
      if (method !== 'history.push') return transport.request(method, args);
      pushes.push((args as { messages: unknown[] }).messages.length);
      const unavailable: CallResult = { ok: false, error: { code: ErrorCode.Unavailable, message: 'the host is restarting' } };
      if (failPushes > 0) {
        failPushes--;
        return unavailable;
      }
      if (!holdNextPush) return transport.request(method, args);
      holdNextPush = false;
      return new Promise<CallResult>((resolve) => held.push({ pass: () => void transport.request(method, args).then(resolve), fail: () => resolve(unavailable) }));
    },
  };
}

/** Opens a folder as the workspace; resolves once its recording has begun (and is saved, unless `begunOnly`). */
async function openFolder(name: string, begunOnly = false): Promise<void> {
  const previous = host.store.get().recording.sessionId;
  const folder = path.join(host.dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'main.py'), '');
  const workspace = await host.api.workspace.open({ path: folder });
  docs.clear();
  host.store.set({ workspace });
  await expect.poll(() => [null, previous].includes(host.store.get().recording.sessionId), { timeout: 15_000 }).toBe(false);
  if (!begunOnly) await expect.poll(() => host.store.get().recording.state, { timeout: 15_000 }).toBe('saved');
}

/** What the recording holds for main.py once everything sent is stored. */
async function storedText(): Promise<string | undefined> {
  const durable = await recorder.flush();
  const sessionId = host.store.get().recording.sessionId!;
  return (await host.api.history.filesAt({ sessionId, at: { seq: durable } })).files['main.py'];
}

beforeEach(async () => {
  pushes = [];
  begins = 0;
  holdNextPush = false;
  held = [];
  failPushes = 0;
  host = startRealHost(watchHistory);
  docs = new WorkspaceDocuments(host.api.workspace);
  recorder = createRecordingClient({ history: host.api.history, workspace: host.api.workspace, store: host.store, documents: docs, notices: host.notices });
  stop = recorder.start();
  await openFolder('a');
});

afterEach(async () => {
  stop();
  docs.clear();
  await host.dispose();
});

describe('recording client', () => {
  it('sends typing in batches, and the host stores all of it', async () => {
    const text = await docs.open('main.py');
    for (let i = 0; i < 150; i++) text.insert(text.length, String(i % 10));
    expect(await storedText()).toBe(text.toString());
    // 150 keystrokes: a push once 64 are queued, the rest in the next ones, not one push each.
    const typed = pushes.filter((n) => n > 0);
    expect(typed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(150);
    expect(typed.length).toBeLessThanOrEqual(5);
    expect(host.store.get().recording.state).toBe('saved');
  });

  it('records the window’s events with the edits', async () => {
    recorder.recordEvent({ kind: 'focus', author: 'you', state: 'lost' });
    await recorder.flush();
    const sessionId = host.store.get().recording.sessionId!;
    const events = await host.api.history.events({ sessionId, kinds: ['focus'] });
    expect(events.map((e) => e.event)).toContainEqual({ kind: 'focus', author: 'you', state: 'lost' });
  });

  it('heals a push the host could not take by starting again: nothing typed is lost', async () => {
    const text = await docs.open('main.py');
    const beganBefore = begins;
    failPushes = 1;
    text.insert(0, 'lost?');
    await expect.poll(() => begins, { timeout: 15_000 }).toBe(beganBefore + 1);
    await expect.poll(() => host.store.get().recording.state, { timeout: 15_000 }).toBe('saved');
    text.insert(text.length, ' no');
    expect(await storedText()).toBe('lost? no');
  });

  it('ignores the answer to a push of a recording that has ended', async () => {
    const text = await docs.open('main.py');
    holdNextPush = true;
    text.insert(0, 'in a');
    await expect.poll(() => held.length, { timeout: 15_000 }).toBe(1);
    const beganBefore = begins;
    // B's pushes wait for A's push in flight.
    await openFolder('b', true);
    const sessionB = host.store.get().recording.sessionId;
    // A's push fails now: had it counted, the recorder would start again (a third begin) and
    // show an error for B.
    held[0]!.fail();
    await expect.poll(() => host.store.get().recording.state, { timeout: 15_000 }).toBe('saved');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(begins).toBe(beganBefore + 1);
    expect(host.store.get().recording).toMatchObject({ state: 'saved', sessionId: sessionB });
    expect(host.store.get().recording.message).toBeUndefined();
  });

  it('stops recording when disposed', async () => {
    const text = await docs.open('main.py');
    stop();
    const before = pushes.length;
    text.insert(0, 'after stop');
    recorder.recordEvent({ kind: 'focus', author: 'you', state: 'gained' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pushes.length).toBe(before);
  });
});
