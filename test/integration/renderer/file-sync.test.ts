import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PeerOpRefusal } from '../../../common/peer-file-ops';
import { EMPTY_COLLAB } from '../../../renderer/collab/collab-state';
import { createFileSync } from '../../../renderer/collab/file-sync';
import { createGuestFiles } from '../../../renderer/collab/guest-files';
import { WorkspaceDocuments } from '../../../renderer/editor/workspace-documents';
import { startRealHost, type RealHost } from './real-host';

// The host's side of a room's file changes (renderer/collab/file-sync.ts) over the real host's
// room service and its write policy: what peers do reaches the disk one change after another, in
// the order the doc saw them.

let host: RealHost;
let docs: WorkspaceDocuments;
let stop: () => void;
/** Peer changes the host has asked main to apply and not yet heard back about. */
let inFlight = 0;
let mostInFlight = 0;
const refusals: PeerOpRefusal[] = [];

beforeEach(async () => {
  inFlight = 0;
  mostInFlight = 0;
  refusals.length = 0;
  host = startRealHost((transport) => ({
    ...transport,
    async request(channel, arg) {
      if (channel !== 'room.applyPeerChanges') return transport.request(channel, arg);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        // Held back a little, so a second change sent without waiting would overlap this one.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await transport.request(channel, arg);
      } finally {
        inFlight--;
      }
    },
  }));
  await host.api.workspace.open({ path: host.project });
  await host.api.room.startHosting({ lan: false });
  docs = new WorkspaceDocuments(host.api.workspace);
  host.store.set({ collab: { ...EMPTY_COLLAB, room: { roomId: 'r1', role: 'owner', invite: '', webInvite: '', signalUrl: '', lanUrl: null } } });
  const guestFiles = createGuestFiles({ documents: docs, workspace: host.api.workspace });
  const fileSync = createFileSync({
    documents: docs,
    store: host.store,
    room: host.api.room,
    workspace: host.api.workspace,
    notices: host.notices,
    guestFiles,
    refreshTree: async () => {},
    updateDirty: () => {},
    reportRefusals: (refused) => refusals.push(...refused),
  });
  stop = fileSync.watchRoomFiles();
});

afterEach(async () => {
  stop();
  docs.clear();
  await host.dispose();
});

/** A peer's change: made on its own copy of the doc, arriving here as a remote update. */
function fromPeer(change: (files: Y.Map<Y.Text>, ops: Y.Array<unknown>) => void): void {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(docs.doc));
  const before = Y.encodeStateVector(peer);
  peer.transact(() => change(peer.getMap('files'), peer.getArray('fileOps')));
  Y.applyUpdate(docs.doc, Y.encodeStateAsUpdate(peer, before), 'peer');
  peer.destroy();
}

describe('file sync on the host', () => {
  it('applies peers’ changes to disk one after another, in the order the doc saw them', async () => {
    fromPeer((files) => files.set('a.py', new Y.Text('one\n')));
    fromPeer((files, ops) => {
      files.delete('a.py');
      files.set('b.py', new Y.Text('one\n'));
      ops.push([{ kind: 'rename', from: 'a.py', to: 'b.py' }]);
    });
    fromPeer((files) => files.set('c.py', new Y.Text('three\n')));
    // The host creates a file (O_EXCL) and then writes it: wait for the text, not the name.
    await vi.waitFor(() => expect(existsSync(path.join(host.project, 'c.py')) && readFileSync(path.join(host.project, 'c.py'), 'utf8')).toBe('three\n'), { timeout: 10_000 });
    expect(mostInFlight).toBe(1);
    expect(refusals).toEqual([]);
    expect(host.logged).toEqual([]);
    expect(existsSync(path.join(host.project, 'a.py'))).toBe(false);
    expect(existsSync(path.join(host.project, 'b.py'))).toBe(true);
    expect(docs.text('b.py')?.toString()).toBe('one\n');
    expect(readFileSync(path.join(host.project, 'c.py'), 'utf8')).toBe('three\n');
  });

  it('puts back in the doc what the write policy refused', async () => {
    // Nothing was shared: a peer may not rename a file the host has on disk but never shared.
    await host.api.workspace.writeFile({ path: 'secret.py', content: 'k = 1\n' });
    fromPeer((files, ops) => {
      files.set('stolen.py', new Y.Text(''));
      ops.push([{ kind: 'rename', from: 'secret.py', to: 'stolen.py' }]);
    });
    await vi.waitFor(() => expect(refusals).toHaveLength(1), { timeout: 10_000 });
    expect(readFileSync(path.join(host.project, 'secret.py'), 'utf8')).toBe('k = 1\n');
    expect(existsSync(path.join(host.project, 'stolen.py'))).toBe(false);
    // Moved back in the doc, so every peer's tab follows the file home.
    expect([...docs.files.keys()]).toEqual(['secret.py']);
  });
});
