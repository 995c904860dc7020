import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TxOrigin } from '../../../common/origins';
import { WorkspaceDocuments } from '../../../renderer/editor/workspace-documents';
import { createReplayController, type ReplayController } from '../../../renderer/replay/replay-controller';
import { startRealHost, type RealHost } from './real-host';
import { syncStep1Message, updateMessage } from '../../../common/history-sync';

// The replay controller over the real host's history service (a real SQLite file): restoring a
// moment into the live documents as edits, forking it into a folder, export and import.

let host: RealHost;
let docs: WorkspaceDocuments;
let replay: ReplayController;
let downloads: Array<{ name: string; bytes: Uint8Array }>;
let sessionId: string;

/** Records a session of main.py going from "v1" to "v1\nv2" (edit 1 is the first text). */
async function recordSession(): Promise<string> {
  const doc = new Y.Doc();
  const live = await host.api.history.begin({ syncStep1: Buffer.from(syncStep1Message(doc)).toString('base64') });
  const updates: Array<{ data: string; time: number; author: string }> = [];
  doc.on('update', (u: Uint8Array) => updates.push({ data: Buffer.from(updateMessage(u)).toString('base64'), time: Date.now(), author: 'you' }));
  const text = new Y.Text();
  doc.transact(() => {
    doc.getMap<Y.Text>('files').set('main.py', text);
    text.insert(0, 'v1');
  });
  text.insert(2, '\nv2');
  await host.api.history.push({ sessionId: live.sessionId, messages: updates, events: [] });
  await host.api.history.flush();
  await host.api.history.end();
  return live.sessionId;
}

beforeEach(async () => {
  host = startRealHost();
  writeFileSync(path.join(host.project, 'main.py'), 'v1\nv2');
  await host.api.workspace.open({ path: host.project });
  sessionId = await recordSession();
  docs = new WorkspaceDocuments(host.api.workspace);
  downloads = [];
  replay = createReplayController({
    history: host.api.history,
    store: host.store,
    documents: docs,
    notices: host.notices,
    download: (name, bytes) => downloads.push({ name, bytes }),
  });
});

afterEach(async () => {
  docs.clear();
  await host.dispose();
});

describe('replay controller', () => {
  it('opens and closes the player through the store', () => {
    replay.openPlayer(sessionId);
    expect(host.store.get().playerSession).toBe(sessionId);
    replay.closePlayer();
    expect(host.store.get().playerSession).toBeNull();
  });

  it('restores a moment into an open file as an edit, marks it dirty, and closes the player', async () => {
    const text = await docs.open('main.py');
    host.store.set({ tabs: ['main.py'], activeTab: 'main.py' });
    const origins: unknown[] = [];
    docs.doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    replay.openPlayer(sessionId);
    expect(await replay.restoreMoment(sessionId, { seq: 1 })).toBe(true);
    expect(text.toString()).toBe('v1');
    // The same Y.Text: a restore is an edit of the live doc, not a new file.
    expect(docs.text('main.py')).toBe(text);
    expect(origins).toEqual([TxOrigin.snapshotRestore]);
    expect(host.store.get()).toMatchObject({ dirty: { 'main.py': true }, playerSession: null, tabs: ['main.py'] });
    expect(host.store.get().toasts.at(-1)?.message).toBe('Restored 1 file as of edit 1; save to keep them on disk.');
  });

  it('opens a restored file that was not open as a new tab', async () => {
    expect(await replay.restoreMoment(sessionId, 'end')).toBe(true);
    expect(docs.text('main.py')?.toString()).toBe('v1\nv2');
    expect(host.store.get()).toMatchObject({ tabs: ['main.py'], activeTab: 'main.py' });
  });

  it('says when a moment cannot be restored and changes nothing', async () => {
    expect(await replay.restoreMoment(sessionId, { snapshot: 'never-saved' })).toBe(false);
    expect(docs.files.size).toBe(0);
    expect(host.store.get().toasts.at(-1)).toMatchObject({ level: 'error', key: 'Cannot restore' });
  });

  it('forks a moment into a new folder and closes the player', async () => {
    const folder = path.join(host.dir, 'fork');
    replay.openPlayer(sessionId);
    const fork = await replay.forkMoment(sessionId, { seq: 1 }, `  ${folder}  `);
    expect(fork).toEqual({ folder, files: 1 });
    expect(readFileSync(path.join(folder, 'main.py'), 'utf8')).toBe('v1');
    expect(host.store.get().playerSession).toBeNull();
  });

  it('exports a session for download and imports it back as a new session', async () => {
    await replay.exportSession(sessionId);
    expect(downloads).toHaveLength(1);
    const [file] = downloads;
    expect(file!.name).toMatch(/\.ccsession$/);
    expect(file!.bytes.byteLength).toBeGreaterThan(0);
    expect(host.store.get().toasts.at(-1)?.message).toMatch(/^Exported to .*\.ccsession \(\d+ KB\)\.$/);
    const exported = host.store.get().toasts.at(-1)!.message.match(/^Exported to (.*) \(/)![1]!;
    expect(existsSync(exported)).toBe(true);

    const imported = await replay.importSession(file!.name, Buffer.from(file!.bytes).toString('base64'));
    expect(imported).not.toBe(sessionId);
    expect((await host.api.history.filesAt({ sessionId: imported, at: 'end' })).files).toEqual({ 'main.py': 'v1\nv2' });
  });

  it('refuses a broken session file whole, with the reason', async () => {
    await expect(replay.importSession('broken.ccsession', Buffer.from('not a session').toString('base64'))).rejects.toThrow(/\S/);
    const sessions = await host.api.history.listSessions({ allWorkspaces: true });
    expect(sessions.map((s) => s.id)).toEqual([sessionId]);
  });
});
