import { afterEach, describe, expect, it } from 'vitest';
import { channelPair, memoryRoom, type ChannelSender, type RoomChannel } from '../../../renderer/collab/room-channel';
import { SharedTerminalGuest, type SharedTerminalSink } from '../../../renderer/collab/shared-terminal-guest';
import { SHARED_OUTPUT_BACKLOG_BYTES, SharedTerminalHost } from '../../../renderer/collab/shared-terminal-host';
import { SharedTerminalTopic } from '../../../renderer/collab/shared-terminal-wire';
import { bashTerminal } from './bash-terminal';

// Shared terminals over an in-memory RoomChannel pair with a REAL pty on the host side (issue 10
// item 4): read-only by default, write per member grant, hostile raw input frames reaching no
// pty, late joiners getting the screen, and nothing about unshared terminals. A restarted
// terminal stays shared with its grants; a member whose connection to the host dropped (either
// side's) gets the current screen again when it is back.

const key = (c: string) => c.repeat(64);
const host: ChannelSender = { key: key('a'), fingerprint: 'aaaa', name: 'Host', role: 'owner' };
const editor: ChannelSender = { key: key('b'), fingerprint: 'bbbb', name: 'Ed', role: 'editor' };
const viewer: ChannelSender = { key: key('c'), fingerprint: 'cccc', name: 'Vi', role: 'viewer' };
const late: ChannelSender = { key: key('d'), fingerprint: 'dddd', name: 'Late', role: 'editor' };

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A real bash in a pty, ended after the test. */
function realTerminal(): ReturnType<typeof bashTerminal> {
  const term = bashTerminal();
  cleanups.push(term.end);
  return term;
}

function sink(): SharedTerminalSink & { text: () => string; resets: number } {
  let text = '';
  const s = {
    resets: 0,
    reset(screen: string) {
      s.resets += 1;
      text = screen;
    },
    write(data: string) {
      text += data;
    },
    text: () => text,
  };
  return s;
}

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function room(...peers: ChannelSender[]): RoomChannel[] {
  return channelPair(host, ...peers);
}

/**
 * channelPair's in-memory room, with connections that drop: `disconnect(key)` cuts a peer off (its
 * messages are lost and members stop listing it, as when a data channel closes) until
 * `reconnect(key)`; `lose(key)` loses its messages while members still list it (a flap too short
 * for the member list to notice).
 */
function droppingRoom(...peers: ChannelSender[]) {
  const away = new Set<string>();
  const losing = new Set<string>();
  const cut = (a: string, b: string) => away.has(a) || away.has(b) || losing.has(a) || losing.has(b);
  const channels = memoryRoom(peers, { delivers: (a, b) => !cut(a, b), present: (key) => !away.has(key) });
  return {
    channels,
    disconnect: (key: string) => away.add(key),
    reconnect: (key: string) => away.delete(key),
    lose: (key: string) => losing.add(key),
    stopLosing: (key: string) => losing.delete(key),
  };
}

describe('shared terminal', () => {
  it('members see it live, cannot type until granted, can after, and lose it on revoke', async () => {
    const [hostChannel, editorChannel] = room(editor) as [RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    const guest = new SharedTerminalGuest(editorChannel);
    cleanups.push(() => (sharing.dispose(), guest.dispose()));
    const term = realTerminal();
    const sid = sharing.share(term);
    await until(() => guest.list().some((t) => t.sid === sid), 'the share announcement');
    const screen = sink();
    guest.attach(sid, screen);
    await until(() => screen.resets === 1, 'the screen');

    term.write('echo host-$((6*7))\r');
    await until(() => screen.text().includes('host-42'), 'live output at the member');

    // Read-only by default: the guest's own side refuses, and a frame sent anyway is dropped by the host.
    expect(guest.canWrite(sid)).toBe(false);
    expect(guest.input(sid, 'echo nope\r')).toBe(false);
    editorChannel.send(SharedTerminalTopic.input, { sid, data: 'echo forced-$((1+1))\r' }, host.key);
    await until(() => sharing.dropped()['no-grant'] === 1, 'the drop');
    expect(term.written).toEqual(['echo host-$((6*7))\r']);

    sharing.grantWrite(sid, editor.key);
    await until(() => guest.canWrite(sid), 'the grant at the member');
    expect(guest.input(sid, 'echo guest-$((5*5))\r')).toBe(true);
    await until(() => screen.text().includes('guest-25'), "the member's command output");

    sharing.revokeWrite(sid, editor.key);
    await until(() => !guest.canWrite(sid), 'the revocation at the member');
    editorChannel.send(SharedTerminalTopic.input, { sid, data: 'echo after-revoke\r' }, host.key);
    await until(() => sharing.dropped()['no-grant'] === 2, 'the second drop');
    expect(term.written.some((w) => w.includes('after-revoke'))).toBe(false);
  });

  it('hostile raw input frames without a grant reach no pty', async () => {
    const [hostChannel, editorChannel, viewerChannel] = room(editor, viewer) as [RoomChannel, RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    cleanups.push(() => sharing.dispose());
    const term = realTerminal();
    const shared = sharing.share(term);
    const unshared = 's999';
    // A viewer cannot be granted at all; its frames are dropped for its role even with a forged grant list.
    expect(() => sharing.grantWrite(shared, viewer.key)).toThrow(/only editors and above/);
    const frames: [RoomChannel, unknown][] = [
      [viewerChannel, { sid: shared, data: 'touch pwned-viewer\r' }],
      [editorChannel, { sid: shared, data: 'touch pwned-editor\r' }],
      [editorChannel, { sid: unshared, data: 'touch pwned-unshared\r' }],
      [editorChannel, { sid: shared, data: 'x'.repeat(70_000) }],
      [editorChannel, { sid: shared, data: 'y', writers: [editor.key] }],
      [editorChannel, 'rm -rf ~\r'],
    ];
    for (const [channel, frame] of frames) channel.send(SharedTerminalTopic.input, frame, host.key);
    await until(() => Object.values(sharing.dropped()).reduce((a, b) => a + b, 0) === frames.length, 'every frame to be dropped');
    expect(sharing.dropped()).toEqual({ 'no-grant': 1, 'not-eligible': 1, 'not-shared': 1, malformed: 3, 'too-frequent': 0 });
    expect(term.written).toEqual([]);
    expect(term.output()).not.toContain('pwned');
  });

  it('a late joiner gets the current screen, then the live stream without gaps or repeats', async () => {
    const [hostChannel, editorChannel, lateChannel] = room(editor, late) as [RoomChannel, RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    const first = new SharedTerminalGuest(editorChannel);
    cleanups.push(() => (sharing.dispose(), first.dispose()));
    const term = realTerminal();
    const sid = sharing.share(term);
    term.write('for i in 1 2 3; do echo line-$i; done\r');
    await until(() => term.output().includes('line-3'), 'the output before the join');
    // No pause for the host's screen model: its snapshot waits until it has parsed what it was sent.

    const joiner = new SharedTerminalGuest(lateChannel);
    cleanups.push(() => joiner.dispose());
    const screen = sink();
    joiner.attach(sid, screen);
    await until(() => screen.resets === 1, 'the screen at the late joiner');
    expect(screen.text()).toContain('line-1');
    expect(screen.text()).toContain('line-3');

    term.write('echo after-$((2*21))\r');
    await until(() => screen.text().includes('after-42'), 'live output after the screen');
    expect(screen.text().split('after-42').length - 1).toBe(1);
  });

  it('a member admitted after the share asks for the list and sees the screen from before the share', async () => {
    const knocking: ChannelSender = { key: key('e'), fingerprint: 'eeee', name: 'Knock', role: 'knocking' };
    const [hostChannel, lateChannel, knockingChannel] = room(late, knocking) as [RoomChannel, RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    cleanups.push(() => sharing.dispose());
    const term = realTerminal();
    term.write('echo before-$((3*5))\r');
    await until(() => term.output().includes('before-15'), 'the output before the share');
    // The host's own xterm would give its screen here (serialize addon); the pty's bytes are that screen.
    const sid = sharing.share({ ...term, screen: () => term.output() });
    // The broadcast of the new list is delivered (to nobody listening) before the members start.
    await new Promise((r) => setTimeout(r, 50));

    // Shared before these members' channels listened: only asking brings the list.
    const joiner = new SharedTerminalGuest(lateChannel);
    const knocker = new SharedTerminalGuest(knockingChannel);
    cleanups.push(() => (joiner.dispose(), knocker.dispose()));
    joiner.syncWithHost();
    knocker.syncWithHost();
    await until(() => joiner.list().some((t) => t.sid === sid), 'the list at the member who asked');
    await until(() => sharing.dropped()['not-shared'] === 1, "the knocking peer's refused ask");
    expect(knocker.list()).toEqual([]);

    const screen = sink();
    joiner.attach(sid, screen);
    await until(() => screen.resets === 1, 'the screen');
    expect(screen.text()).toContain('before-15');
  });

  it('a member never gets a terminal that was not shared, nor one after sharing stopped', async () => {
    const [hostChannel, editorChannel] = room(editor) as [RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    cleanups.push(() => sharing.dispose());
    const received: unknown[] = [];
    for (const topic of [SharedTerminalTopic.screen, SharedTerminalTopic.output]) editorChannel.on(topic, (payload) => received.push(payload));
    const secret = realTerminal();
    secret.write('echo secret-$((3*3))\r');
    await until(() => secret.output().includes('secret-9'), 'the private output');
    editorChannel.send(SharedTerminalTopic.subscribe, { sid: 's1' }, host.key);
    await until(() => sharing.dropped()['not-shared'] === 1, 'the refused subscription');
    expect(received).toEqual([]);

    const shared = realTerminal();
    const sid = sharing.share(shared);
    sharing.unshare(sid);
    shared.write('echo gone-$((4*4))\r');
    await until(() => shared.output().includes('gone-16'), 'output after unsharing');
    await new Promise((r) => setTimeout(r, 100));
    expect(JSON.stringify(received)).not.toContain('gone-16');
    expect(JSON.stringify(received)).not.toContain('secret-9');
  });

  it('listens only to the owner: a member cannot push a fake terminal to another member', async () => {
    const [, editorChannel, otherChannel] = room(editor, late) as [RoomChannel, RoomChannel, RoomChannel];
    const guest = new SharedTerminalGuest(otherChannel);
    cleanups.push(() => guest.dispose());
    let changes = 0;
    guest.onDidChange(() => (changes += 1));
    editorChannel.send(SharedTerminalTopic.shares, { terminals: [{ sid: 's1', title: 'fake', cols: 80, rows: 24, writers: [] }] });
    await new Promise((r) => setTimeout(r, 50));
    expect(changes).toBe(0);
    expect(guest.list()).toEqual([]);
  });
  it('a terminal restarted while shared stays shared: same id, same grants, a clean screen, input to the new shell', async () => {
    const [hostChannel, editorChannel] = room(editor) as [RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    const guest = new SharedTerminalGuest(editorChannel);
    cleanups.push(() => (sharing.dispose(), guest.dispose()));
    const first = realTerminal();
    const sid = sharing.share(first);
    sharing.grantWrite(sid, editor.key);
    await until(() => guest.canWrite(sid), 'the grant at the member');
    const screen = sink();
    guest.attach(sid, screen);
    await until(() => screen.resets === 1, 'the screen');
    first.write('echo old-shell-$((2*2))\r');
    await until(() => screen.text().includes('old-shell-4'), "the first shell's output");
    first.write('exit\r');

    // The host's Restart: a new shell under a new terminal id takes the share's place.
    const second = realTerminal();
    sharing.restarted(sid, second);
    await until(() => screen.text().includes('\x1bc'), "the reset of the member's screen");
    expect(sharing.list()).toEqual([{ sid, title: 'bash', cols: 80, rows: 24, writers: [editor.key] }]);
    expect(guest.list().map((t) => t.sid)).toEqual([sid]);
    expect(guest.canWrite(sid)).toBe(true);
    expect(guest.input(sid, 'echo new-shell-$((3*3))\r')).toBe(true);
    await until(() => second.output().includes('new-shell-9'), 'the input in the new shell');
    await until(() => screen.text().includes('new-shell-9'), "the new shell's answer at the member");
    expect(first.written.some((w) => w.includes('new-shell'))).toBe(false);
    // The old shell's output no longer reaches anyone through this share.
    expect(screen.text().slice(screen.text().lastIndexOf('\x1bc'))).not.toContain('old-shell');
  });

  it("a member gets the current screen again after the host's connection dropped and came back", async () => {
    const net = droppingRoom(host, editor);
    const [hostChannel, editorChannel] = net.channels as [RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    const guest = new SharedTerminalGuest(editorChannel);
    cleanups.push(() => (sharing.dispose(), guest.dispose()));
    const term = realTerminal();
    const sid = sharing.share(term);
    guest.syncWithHost();
    await until(() => guest.list().some((t) => t.sid === sid), 'the list');
    const screen = sink();
    guest.attach(sid, screen);
    await until(() => screen.resets === 1, 'the screen');

    // The host drops out; the member notices (its member list changed) and the shell carries on.
    net.disconnect(host.key);
    guest.syncWithHost();
    term.write('echo while-away-$((5*5))\r');
    await until(() => term.output().includes('while-away-25'), 'the output while away');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.text()).not.toContain('while-away-25');

    // Back: the member's screen is the host's again, with what it missed.
    net.reconnect(host.key);
    guest.syncWithHost();
    await until(() => screen.resets === 2, 'a new screen');
    await until(() => screen.text().includes('while-away-25'), 'what was missed');
    term.write('echo back-$((4*4))\r');
    await until(() => screen.text().includes('back-16'), 'live output after the new screen');
    expect(screen.text().split('back-16').length - 1).toBe(1);
  });

  it("a member whose own connection dropped gets the current screen again when it is back", async () => {
    const net = droppingRoom(host, editor);
    const [hostChannel, editorChannel] = net.channels as [RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    const guest = new SharedTerminalGuest(editorChannel);
    cleanups.push(() => (sharing.dispose(), guest.dispose()));
    const term = realTerminal();
    const sid = sharing.share(term);
    guest.syncWithHost();
    await until(() => guest.list().some((t) => t.sid === sid), 'the list');
    const screen = sink();
    guest.attach(sid, screen);
    await until(() => screen.resets === 1, 'the screen');

    net.disconnect(editor.key);
    guest.syncWithHost();
    term.write('echo missed-$((7*7))\r');
    await until(() => term.output().includes('missed-49'), 'the output while the member is away');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.text()).not.toContain('missed-49');
    net.reconnect(editor.key);
    guest.syncWithHost();
    await until(() => screen.resets === 2, 'a new screen');
    await until(() => screen.text().includes('missed-49'), 'what the member missed');
  });

  it('a member that lost output without noticing (a gap in the numbered output) asks for the screen again', async () => {
    const net = droppingRoom(host, editor);
    const [hostChannel, editorChannel] = net.channels as [RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    const guest = new SharedTerminalGuest(editorChannel);
    cleanups.push(() => (sharing.dispose(), guest.dispose()));
    const term = realTerminal();
    const sid = sharing.share(term);
    const screen = sink();
    guest.attach(sid, screen);
    await until(() => screen.resets === 1, 'the screen');

    net.lose(host.key);
    term.write('echo lost-$((8*8))\r');
    await until(() => term.output().includes('lost-64'), 'the output that is lost');
    await new Promise((r) => setTimeout(r, 50));
    net.stopLosing(host.key);
    term.write('echo next-$((9*9))\r');
    await until(() => screen.text().includes('next-81'), 'the output after the gap');
    expect(screen.resets).toBe(2);
    expect(screen.text()).toContain('lost-64');
  });

  it("a member that stops reading is sent no more output past its backlog cap (the host's memory stays bounded), and catches up from the screen", async () => {
    let stalled = false;
    const backlogs = new Map<string, number>();
    const channels = memoryRoom([host, editor, late], {
      delivers: (from, to) => !(stalled && to === late.key),
      present: () => true,
      backlog: (_from, to) => backlogs.get(to) ?? 0,
    });
    const [hostChannel, editorChannel, lateChannel] = channels as [RoomChannel, RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    const reader = new SharedTerminalGuest(editorChannel);
    const staller = new SharedTerminalGuest(lateChannel);
    cleanups.push(() => (sharing.dispose(), reader.dispose(), staller.dispose()));
    // What the host sends each member, whichever way: a stalled member's link queues all of it.
    const sent = new Map<string, number>();
    const count = (keys: string[], payload: unknown) => {
      for (const k of keys) {
        sent.set(k, (sent.get(k) ?? 0) + JSON.stringify(payload).length);
        if (k === late.key && stalled) backlogs.set(late.key, sent.get(late.key)!);
      }
    };
    const members = [editor.key, late.key];
    const send = hostChannel.send.bind(hostChannel);
    hostChannel.send = (topic, payload, to) => {
      count(members.filter((k) => to === undefined || k === to), payload);
      send(topic, payload, to);
    };
    const sendLossy = hostChannel.sendLossy.bind(hostChannel);
    hostChannel.sendLossy = (topic, payload, maxBacklog) => {
      const skipped = sendLossy(topic, payload, maxBacklog);
      count(members.filter((k) => !skipped.includes(k)), payload);
      return skipped;
    };
    const term = realTerminal();
    const sid = sharing.share(term);
    const fast = sink();
    const slow = sink();
    reader.attach(sid, fast);
    staller.attach(sid, slow);
    await until(() => fast.resets === 1 && slow.resets === 1, 'both screens');

    stalled = true;
    sent.set(late.key, 0);
    term.write('head -c 12000000 /dev/zero | tr "\\0" "z" | fold -w 100; echo flood-$((6*7))\r');
    await until(() => fast.text().includes('flood-42'), 'the flood at the member that reads', 120_000);
    // Past the cap nothing more was queued for the stalled member: a few pieces over it, not 12 MB.
    expect(sent.get(late.key)!).toBeLessThan(4 * 1024 * 1024 + 1024 * 1024);
    expect(SHARED_OUTPUT_BACKLOG_BYTES).toBe(4 * 1024 * 1024);
    expect(sent.get(editor.key)!).toBeGreaterThan(12_000_000);

    // It reads again: the next output shows a gap, and it gets the current screen.
    stalled = false;
    backlogs.set(late.key, 0);
    term.write('echo back-$((7*7))\r');
    await until(() => slow.text().includes('back-49'), 'the stalled member caught up');
    expect(slow.resets).toBe(2);
  }, 180_000);

  it('a member asking for the screen again and again gets one snapshot at a time, at most one a second', async () => {
    const [hostChannel, editorChannel] = room(editor) as [RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    cleanups.push(() => sharing.dispose());
    const term = realTerminal();
    const sid = sharing.share(term);
    term.write('seq 1 3000\r');
    await until(() => term.output().includes('3000'), 'a long screen');
    let screens = 0;
    editorChannel.on(SharedTerminalTopic.screen, () => screens++);
    // A hostile member: 500 subscribe frames at once (each a snapshot of up to 1,000 lines to build and send).
    for (let i = 0; i < 500; i++) editorChannel.send(SharedTerminalTopic.subscribe, { sid });
    await until(() => screens >= 1, 'the first snapshot');
    await new Promise((r) => setTimeout(r, 1500));
    expect(screens).toBeGreaterThanOrEqual(1);
    expect(screens).toBeLessThanOrEqual(3);
    expect(sharing.dropped()['too-frequent']).toBeGreaterThan(400);
  }, 60_000);

  it('a member that asks for the screen but does not read gets none queued while its backlog is over the cap, and one once it catches up', async () => {
    const backlogs = new Map<string, number>();
    const [hostChannel, editorChannel] = memoryRoom([host, editor], { delivers: () => true, present: () => true, backlog: (_from, to) => backlogs.get(to) ?? 0 }) as [RoomChannel, RoomChannel];
    const sharing = new SharedTerminalHost(hostChannel);
    cleanups.push(() => sharing.dispose());
    const sid = sharing.share(realTerminal());
    let screens = 0;
    editorChannel.on(SharedTerminalTopic.screen, () => screens++);
    backlogs.set(editor.key, SHARED_OUTPUT_BACKLOG_BYTES + 1);
    for (let i = 0; i < 5; i++) {
      editorChannel.send(SharedTerminalTopic.subscribe, { sid });
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(screens).toBe(0);
    backlogs.set(editor.key, 0);
    await until(() => screens === 1, 'the screen once the member reads again', 5_000);
  }, 30_000);
});
