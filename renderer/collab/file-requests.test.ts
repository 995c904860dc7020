import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { FileEntry } from '../../common/types';
import { channelPair, type ChannelSender } from './room-channel';
import {
  MAX_SHARED_FILE_BYTES,
  MAX_SHARED_TOTAL_BYTES,
  MAX_WANTED_PATHS,
  planShare,
  RoomFileClient,
  RoomFilesTopic,
  roomPaths,
  serveRoomFiles,
  WHOLE_FOLDER_MAX_BYTES,
  WHOLE_FOLDER_MAX_FILES,
} from './file-requests';

// A big folder's files reach guests on demand (issue 8): the host's side and a guest's side over
// an in-memory RoomChannel, each with its own Y.Doc synced as the provider would. The app's own
// transport and the whole join run over real WebRTC in test/e2e/room-big-folder.spec.ts.

const person = (key: string, name: string, role: ChannelSender['role']): ChannelSender => ({ key: key.repeat(64), fingerprint: `${name} FP`, name, role });
const OWNER = person('a', 'Alice', 'owner');
const EDITOR = person('b', 'Bob', 'editor');
const VIEWER = person('c', 'Carol', 'viewer');
const KNOCKER = person('d', 'Dan', 'knocking');

const file = (path: string, size: number): FileEntry => ({ path, kind: 'file', size, mtimeMs: 0 });

/** Host and members, each with a doc; the host's updates reach the members' docs as the provider would send them. */
function room(disk: Record<string, string>, listedPaths = Object.keys(disk)) {
  const channels = channelPair(OWNER, EDITOR, VIEWER, KNOCKER);
  const hostDoc = new Y.Doc();
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  hostDoc.on('update', (update: Uint8Array) => setTimeout(() => docs.forEach((d) => Y.applyUpdate(d, update)), 1));
  const listed = new Set(listedPaths);
  const reads: string[] = [];
  const stop = serveRoomFiles(channels[0]!, {
    listed: (path) => listed.has(path),
    loaded: (path) => hostDoc.getMap('files').has(path),
    read: async (path) => {
      reads.push(path);
      const content = disk[path];
      if (content === undefined) throw new Error(`"${path}" is not on disk`);
      return content;
    },
    adopt: (path, content) =>
      hostDoc.transact(() => {
        const text = new Y.Text();
        hostDoc.getMap('files').set(path, text);
        text.insert(0, content);
      }),
  });
  const client = (index: number, timeoutMs?: number) => {
    const files = docs[index - 1]!.getMap<Y.Text>('files');
    return new RoomFileClient(
      channels[index]!,
      {
        has: (path) => files.has(path),
        onArrive: (listener) => {
          files.observe(listener);
          return () => files.unobserve(listener);
        },
      },
      timeoutMs,
    );
  };
  const text = (index: number, path: string) => docs[index - 1]!.getMap<Y.Text>('files').get(path)?.toString();
  return { channels, hostDoc, docs, reads, stop, client, text };
}

describe('sharing a folder', () => {
  it('takes a small folder whole and a larger one as a listing first', () => {
    expect(planShare([file('a.py', 10), file('b.py', 20)]).whole).toBe(true);
    const many = Array.from({ length: WHOLE_FOLDER_MAX_FILES + 1 }, (_, i) => file(`f${i}.py`, 1));
    expect(planShare(many).whole).toBe(false);
    expect(planShare([file('big.json', WHOLE_FOLDER_MAX_BYTES + 1)]).whole).toBe(false);
  });

  it('leaves out files over the per-file cap and past the room total, and says which', () => {
    const plan = planShare([
      { path: 'src', kind: 'directory', size: 0, mtimeMs: 0 },
      file('huge.log', MAX_SHARED_FILE_BYTES + 1),
      ...Array.from({ length: 17 }, (_, i) => file(`data/${i}.json`, MAX_SHARED_FILE_BYTES)),
    ]);
    expect(plan.files).toHaveLength(MAX_SHARED_TOTAL_BYTES / MAX_SHARED_FILE_BYTES);
    expect(plan.notShared).toEqual([
      { path: 'huge.log', reason: 'over 2 MB' },
      { path: 'data/16.json', reason: "past the room's 32 MB" },
    ]);
  });

  it("lists a guest's tree from the texts and the listing, never a path that leaves the workspace", () => {
    const doc = new Y.Doc();
    doc.getMap('files').set('README.md', new Y.Text('hi'));
    doc.getMap('listing').set('src/main.py', 10);
    doc.getMap('listing').set('README.md', 2);
    doc.getMap('listing').set('../etc/passwd', 1);
    expect(roomPaths(doc).sort()).toEqual(['README.md', 'src/main.py']);
  });
});

describe('files on demand', () => {
  it("brings a listed file's text into every member's doc when one asks", async () => {
    const r = room({ 'src/main.py': 'print(1)\n', 'src/util.py': 'x = 1\n' });
    await r.client(1).fetch(['src/main.py']);
    expect(r.text(1, 'src/main.py')).toBe('print(1)\n');
    // It is the room's text now: the viewer's doc has it too, and nothing else was read.
    await expect.poll(() => r.text(2, 'src/main.py')).toBe('print(1)\n');
    expect(r.reads).toEqual(['src/main.py']);
    expect(r.text(1, 'src/util.py')).toBeUndefined();
  });

  it('reads a file once when two members ask for it at once', async () => {
    const r = room({ 'a.txt': 'A' });
    await Promise.all([r.client(1).fetch(['a.txt']), r.client(2).fetch(['a.txt'])]);
    expect(r.text(1, 'a.txt')).toBe('A');
    expect(r.text(2, 'a.txt')).toBe('A');
    expect(r.hostDoc.getMap('files').size).toBe(1);
    expect(r.reads).toEqual(['a.txt']);
  });

  it('refuses, with the reason, a path the host did not list and a file it cannot read as text', async () => {
    const r = room({ 'logo.png': 'PNG\u0000\u0001', '.env': 'SECRET=1' }, ['logo.png', 'gone.txt']);
    const bob = r.client(1);
    await expect(bob.fetch(['.env'])).rejects.toThrow('the host does not share it');
    await expect(bob.fetch(['logo.png'])).rejects.toThrow(/binary/);
    // Listed, but it left the disk since: the reason the read failed comes through.
    await expect(bob.fetch(['gone.txt'])).rejects.toThrow('"gone.txt" is not on disk');
    expect(r.reads).toEqual(['logo.png', 'gone.txt']);
    expect(r.hostDoc.getMap('files').size).toBe(0);
  });

  it('says when the host is not there, and when it does not answer', async () => {
    const r = room({ 'a.txt': 'A' });
    // Bob's channel without the owner in it: the host has left.
    const [, bobAlone] = channelPair(person('e', 'Eve', 'editor'), EDITOR);
    const files = new Y.Doc().getMap('files');
    const orphan = new RoomFileClient(bobAlone!, { has: (p) => files.has(p), onArrive: () => () => {} });
    await expect(orphan.fetch(['a.txt'])).rejects.toThrow(/host is not in the room/);
    r.stop();
    await expect(r.client(1, 50).fetch(['a.txt'])).rejects.toThrow(/did not send it within/);
  });

  it('answers no one who is only knocking, and takes refusals only from the owner', async () => {
    const r = room({ 'a.txt': 'A' });
    r.channels[3]!.send(RoomFilesTopic.want, { paths: ['a.txt'] }, OWNER.key);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.reads).toEqual([]);
    // A member forging a refusal does not stop Bob's request: the host's answer does come.
    const bob = r.client(1);
    const fetched = bob.fetch(['a.txt']);
    r.channels[2]!.send(RoomFilesTopic.refused, { refused: [{ path: 'a.txt', reason: 'forged' }] }, EDITOR.key);
    await expect(fetched).resolves.toBeUndefined();
  });

  it('ignores a malformed request', async () => {
    const r = room({ 'a.txt': 'A' });
    for (const payload of [null, { paths: [] }, { paths: ['../x'] }, { paths: Array.from({ length: MAX_WANTED_PATHS + 1 }, (_, i) => `f${i}`) }, { paths: ['a.txt'], extra: 1 }]) {
      r.channels[1]!.send(RoomFilesTopic.want, payload, OWNER.key);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.reads).toEqual([]);
  });
});
