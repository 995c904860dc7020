import { describe, expect, it } from 'vitest';
import { Emitter } from '../../common/event';
import type { TerminalInfo } from '../../common/types';
import { createWorkbenchStore } from '../state/store';
import { channelPair, type ChannelSender } from './room-channel';
import { createRoomTerminals, HostedTerminals, sharedTabId, type JoinedTerminals } from './room-terminals-controller';
import type { ShareableTerminal } from './shared-terminal-host';

// Shared terminals in a room (issue 10 item 4): the owner's controller shares its terminals, a
// member's shows them as tabs in its terminal panel, over an in-memory RoomChannel.

const key = (c: string) => c.repeat(64);
const owner: ChannelSender = { key: key('a'), fingerprint: 'aaaa', name: 'Host', role: 'owner' };
const member: ChannelSender = { key: key('b'), fingerprint: 'bbbb', name: 'Ed', role: 'editor' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

function terminal(id: string): TerminalInfo {
  return { id, title: `shell ${id}`, shell: '/bin/sh', cwd: '/' };
}

function shareable(info: TerminalInfo): ShareableTerminal {
  return { title: info.title, cols: 80, rows: 24, onData: () => () => {}, write: () => {} };
}

function setup() {
  const [hostChannel, memberChannel] = channelPair(owner, member) as [ReturnType<typeof channelPair>[0], ReturnType<typeof channelPair>[0]];
  const restarts = new Emitter<{ from: TerminalInfo; to: TerminalInfo }>();
  const hostStore = createWorkbenchStore();
  const memberStore = createWorkbenchStore();
  const hostSide = createRoomTerminals({ store: hostStore, onDidRestartTerminal: restarts.event, shareable });
  const memberSide = createRoomTerminals({ store: memberStore, onDidRestartTerminal: new Emitter<{ from: TerminalInfo; to: TerminalInfo }>().event, shareable });
  const members = new Emitter<unknown>();
  return { hostChannel, memberChannel, restarts, hostStore, memberStore, hostSide, memberSide, members };
}

describe('room terminals', () => {
  it('shows the owner’s shared terminal as the member’s tab, and takes it away when the owner closes it', async () => {
    const t = setup();
    const changes: Array<string | null> = [];
    t.hostSide.onDidChange(() => changes.push(t.hostSide.current()?.role ?? null));
    const stopHost = t.hostSide.start(t.hostChannel, 'owner', t.members.event);
    const stopMember = t.memberSide.start(t.memberChannel, 'guest', t.members.event);
    const hosted = t.hostSide.current();
    expect(hosted).toBeInstanceOf(HostedTerminals);
    expect(t.memberSide.current()?.role).toBe('guest');

    t.hostStore.set({ terminals: [terminal('t1')] });
    const sid = (hosted as HostedTerminals).share(terminal('t1'));
    await settle();
    expect((t.memberSide.current() as JoinedTerminals).guest.list().map((s) => s.sid)).toEqual([sid]);
    expect(t.memberStore.get().activeTerminal).toBe(sharedTabId(sid));

    // A restart keeps the share under the same id.
    t.restarts.fire({ from: terminal('t1'), to: terminal('t2') });
    t.hostStore.set({ terminals: [terminal('t2')] });
    expect((hosted as HostedTerminals).sidOf('t2')).toBe(sid);
    expect((hosted as HostedTerminals).sidOf('t1')).toBeUndefined();

    // Closed on the host: no longer shared, and the member's panel leaves its tab.
    t.hostStore.set({ terminals: [] });
    await settle();
    expect((hosted as HostedTerminals).sidOf('t2')).toBeUndefined();
    expect(t.memberStore.get().activeTerminal).toBeNull();

    stopMember();
    stopHost();
    expect(t.hostSide.current()).toBeNull();
    expect(t.memberSide.current()).toBeNull();
    expect(changes).toEqual(['owner', null]);
  });
});
