import { describe, expect, it } from 'vitest';
import type { GuestRunEvent, GuestRunRequest } from '../../common/contract-guest-runs';
import { channelPair, type ChannelSender } from './room-channel';
import { GuestRunClient } from './guest-runs-guest';
import { startGuestRunHost, type GuestRunHostDeps } from './guest-runs-host';
import { GuestRunTopic, type GuestRunBroadcast } from './guest-runs-protocol';
import { roomRunFiles } from './guest-run-files';

// Guest runs' host and member logic over an in-memory RoomChannel (issue 8 item 6). main's side
// (rate limit, sandbox) runs against real Docker in test/integration/collab/guest-runs-sandbox.test.ts;
// here main is a stand-in that records what the host's page asked and emits run events.

const person = (key: string, name: string, role: ChannelSender['role']): ChannelSender => ({ key: key.repeat(64), fingerprint: `${name} FP`, name, role });
const OWNER = person('a', 'Alice', 'owner');
const EDITOR = person('b', 'Bob', 'editor');
const VIEWER = person('c', 'Carol', 'viewer');
const KNOCKER = person('d', 'Dan', 'knocking');

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

function room(options: { allowed?: boolean; failWith?: string; loadForRun?: GuestRunHostDeps['loadForRun'] } = {}) {
  const [hostChannel, bobChannel, carolChannel, danChannel] = channelPair(OWNER, EDITOR, VIEWER, KNOCKER);
  const asked: GuestRunRequest[] = [];
  const cancelled: string[] = [];
  const listeners = new Set<(e: GuestRunEvent) => void>();
  const hostSaw: GuestRunBroadcast[] = [];
  const files = new Map([
    ['main.py', 'import helper\nprint(helper.greet())'],
    ['helper.py', 'def greet(): return "hi"'],
    ['notes.md', '# not python'],
  ]);
  let next = 0;
  const deps: GuestRunHostDeps = {
    hostName: () => 'Alice',
    allowed: () => options.allowed ?? true,
    roomFiles: () => files.entries(),
    ...(options.loadForRun ? { loadForRun: options.loadForRun } : {}),
    async runForGuest(request) {
      if (options.failWith) throw new Error(options.failWith);
      asked.push(request);
      const runId = `run-${++next}`;
      // As main does: the first events may come before the answer.
      for (const l of listeners) l({ runId, type: 'queued', position: 0, memberKey: request.memberKey });
      return { runId };
    },
    async cancelForGuest(memberKey, runId) {
      cancelled.push(`${memberKey.slice(0, 1)}:${runId}`);
    },
    onRunEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show: (m) => hostSaw.push(m),
  };
  const stopHost = startGuestRunHost(hostChannel!, deps);
  const emit = (e: GuestRunEvent) => listeners.forEach((l) => l(e));
  const member = (channel: typeof bobChannel) => {
    const seen: Array<{ message: GuestRunBroadcast; mine: boolean }> = [];
    const refused: string[] = [];
    const client = new GuestRunClient(channel!, { onBroadcast: (message, mine) => seen.push({ message, mine }), onRefused: (m) => refused.push(m) });
    return { client, seen, refused };
  };
  return { asked, cancelled, emit, hostSaw, files, stopHost, bob: member(bobChannel), carol: member(carolChannel), dan: member(danChannel), carolChannel: carolChannel! };
}

const ask = { entry: 'main.py', language: 'python' as const, stdin: 'input' };

describe('guest runs over a RoomChannel', () => {
  it("an editor's request runs the room's text on the host and every member sees the output and verdict", async () => {
    const r = room();
    expect(r.bob.client.request(ask)).toEqual({ ok: true, hostName: 'Alice' });
    await settle();
    expect(r.asked).toHaveLength(1);
    const [request] = r.asked;
    expect(request!.memberKey).toBe(EDITOR.key);
    expect(request!.memberName).toBe('Bob');
    // The room's text, the entry first, the language's other sources, nothing else.
    expect(request!.run).toEqual({
      language: 'python',
      entry: 'main.py',
      stdin: 'input',
      files: [
        { path: 'main.py', content: 'import helper\nprint(helper.greet())' },
        { path: 'helper.py', content: 'def greet(): return "hi"' },
      ],
    });
    r.emit({ runId: 'run-1', type: 'output', phase: 'run', stream: 'stdout', data: 'hi\n', memberKey: EDITOR.key });
    r.emit({
      runId: 'run-1',
      type: 'done',
      memberKey: EDITOR.key,
      result: { runId: 'run-1', language: 'python', verdict: 'ok', sandboxed: true, exitCode: 0, signal: null, wallMs: 40, cpuMs: 20, peakMemoryKb: 9000, compile: null, outputBytes: 3, limits: { timeMs: 1, memoryMb: 1, compileTimeMs: 1, outputBytes: 1 } as never },
    });
    await settle();
    const kinds = (list: Array<{ message: GuestRunBroadcast }>) => list.map((s) => s.message.kind);
    // The early "queued" waited for the run id, then everything went out in order.
    expect(kinds(r.bob.seen)).toEqual(['started', 'queued', 'output', 'done']);
    expect(kinds(r.carol.seen)).toEqual(['started', 'queued', 'output', 'done']);
    expect(r.hostSaw.map((m) => m.kind)).toEqual(['started', 'queued', 'output', 'done']);
    expect(r.bob.seen.every((s) => s.mine)).toBe(true);
    expect(r.carol.seen.some((s) => s.mine)).toBe(false);
    expect(r.bob.seen[0]!.message).toMatchObject({ kind: 'started', runId: 'run-1', hostName: 'Alice', by: { key: EDITOR.key, name: 'Bob' } });
    expect(r.carol.seen.find((s) => s.message.kind === 'output')!.message).toMatchObject({ data: 'hi\n', stream: 'stdout' });
    expect(r.bob.seen.at(-1)!.message).toEqual({ kind: 'done', runId: 'run-1', result: { verdict: 'ok', exitCode: 0, signal: null, wallMs: 40, cpuMs: 20, peakMemoryKb: 9000, sandboxed: true } });
  });

  it("takes the language's files a big folder had not brought into the room yet, once they are in", async () => {
    const r = room({
      // As the host's page does (guest-files.ts): the listed module joins the doc, after a read.
      loadForRun: async (language) => {
        expect(language).toBe('python');
        await new Promise((resolve) => setTimeout(resolve, 5));
        r.files.set('lib/util.py', 'def util(): pass');
      },
    });
    r.bob.client.request(ask);
    await settle();
    await settle();
    expect(r.asked.map((a) => a.run.files.map((f) => f.path))).toEqual([['main.py', 'helper.py', 'lib/util.py']]);
  });

  it('refuses viewers and knocking peers with a message, and runs nothing', async () => {
    const r = room();
    expect(r.carol.client.request(ask).ok).toBe(true);
    expect(r.dan.client.request(ask).ok).toBe(true);
    await settle();
    expect(r.asked).toEqual([]);
    expect(r.carol.refused).toEqual(['As a viewer you cannot run code in this room: ask the host for editor rights.']);
    expect(r.dan.refused[0]).toMatch(/not admitted to this room yet/);
    expect(r.bob.refused).toEqual([]);
  });

  it('refuses every request when the host switched guest runs off', async () => {
    const r = room({ allowed: false });
    r.bob.client.request(ask);
    await settle();
    expect(r.asked).toEqual([]);
    expect(r.bob.refused).toEqual(['The host has switched guest runs off.']);
  });

  it("passes main's refusal (the rate limit) back to the member who asked, and only to them", async () => {
    const r = room({ failWith: 'You have used your 6 runs a minute on the host\'s machine: try again in a few seconds.' });
    r.bob.client.request(ask);
    await settle();
    expect(r.bob.refused).toEqual(["You have used your 6 runs a minute on the host's machine: try again in a few seconds."]);
    expect(r.carol.refused).toEqual([]);
  });

  it('refuses a file that is not in the room and a path that leaves it, and ignores malformed requests', async () => {
    const r = room();
    r.bob.client.request({ ...ask, entry: 'secret.py' });
    await settle();
    expect(r.bob.refused).toEqual(['"secret.py" is not a file of this room.']);
    // A hand-made request straight on the channel, as a hostile member would send it.
    const hostile = channelPair(OWNER, EDITOR);
    const asked: GuestRunRequest[] = [];
    startGuestRunHost(hostile[0]!, {
      hostName: () => 'Alice',
      allowed: () => true,
      roomFiles: () => new Map([['main.py', 'print(1)']]).entries(),
      runForGuest: async (request) => (asked.push(request), { runId: 'x' }),
      cancelForGuest: async () => {},
      onRunEvent: () => () => {},
      show: () => {},
    });
    const replies: unknown[] = [];
    hostile[1]!.on(GuestRunTopic.refused, (payload) => replies.push(payload));
    hostile[1]!.send(GuestRunTopic.request, { requestId: 'abcdefgh12', entry: '../../etc/passwd', language: 'python', stdin: '' });
    hostile[1]!.send(GuestRunTopic.request, { requestId: 'abcdefgh13', entry: 'main.py', language: 'python', stdin: 'x'.repeat(70_000) });
    hostile[1]!.send(GuestRunTopic.request, { requestId: 'abcdefgh14', entry: 'main.py', language: 'cobol', stdin: '' });
    hostile[1]!.send(GuestRunTopic.request, 'garbage');
    await settle();
    expect(asked).toEqual([]);
    expect(replies).toHaveLength(3);
    expect(JSON.stringify(replies)).toMatch(/\.\./);
    expect(JSON.stringify(replies)).toMatch(/64 KB/);
  });

  it('ignores run reports from anyone but the owner', async () => {
    const [aliceChannel, bobChannel, malloryChannel] = channelPair(OWNER, EDITOR, person('e', 'Mallory', 'editor'));
    void aliceChannel;
    const seen: unknown[] = [];
    new GuestRunClient(bobChannel!, { onBroadcast: (m) => seen.push(m), onRefused: (m) => seen.push(m) });
    malloryChannel!.send(GuestRunTopic.run, { kind: 'output', runId: 'run-1', phase: 'run', stream: 'stdout', data: 'forged' });
    malloryChannel!.send(GuestRunTopic.refused, { requestId: 'abcdefgh12', message: 'forged' });
    await settle();
    expect(seen).toEqual([]);
  });

  it('lets only the member who asked cancel a run', async () => {
    const r = room();
    r.bob.client.request(ask);
    await settle();
    // Carol's client does not send for a run she did not ask for; a hand-made cancel is ignored by the host.
    r.carol.client.cancel('run-1');
    r.carolChannel.send(GuestRunTopic.cancel, { runId: 'run-1' });
    r.bob.client.cancel('run-1');
    await settle();
    expect(r.cancelled).toEqual(['b:run-1']);
  });

  it('says so when no host is connected', () => {
    const [bobChannel] = channelPair(EDITOR, VIEWER);
    const client = new GuestRunClient(bobChannel!, { onBroadcast: () => {}, onRefused: () => {} });
    expect(client.request(ask)).toEqual({ ok: false, problem: expect.stringContaining('host is not connected') });
  });
});

describe('roomRunFiles', () => {
  it('takes the entry and the language sources from the room, and refuses an entry the room does not have', () => {
    expect(roomRunFiles([['a.py', '1'], ['b.txt', 't'], ['c/d.py', '2']], 'python', 'c/d.py')).toEqual({
      ok: true,
      files: [
        { path: 'c/d.py', content: '2' },
        { path: 'a.py', content: '1' },
      ],
    });
    expect(roomRunFiles([['a.py', '1']], 'python', 'b.py')).toEqual({ ok: false, problem: '"b.py" is not a file of this room.' });
  });
});
