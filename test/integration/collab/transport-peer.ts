// One room member in its own process, using the app's own transport (renderer/collab/
// room-connection.ts and provider/) over real WebRTC (@roamhq/wrtc). Driven over IPC by
// transport-peers.ts; argv[2] is a JSON PeerConfig. A "hostile" peer (config.hostile) sends
// updates and awareness its role does not allow, as a modified client would.
import wrtc from '@roamhq/wrtc';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { RoomConnection } from '../../../renderer/collab/room-connection';
import { encodeJsonMessage, MessageType } from '../../../renderer/collab/provider/wire';
import type { PeerConfig } from './transport-peers';
import { roomSigner } from './room-signer';
import { PadLock } from '../../../renderer/interview/pad-lock';
import { TimerSync } from '../../../renderer/interview/timer-sync';
import { SharedTerminalHost } from '../../../renderer/collab/shared-terminal-host';
import { SharedTerminalTopic } from '../../../renderer/collab/shared-terminal-wire';
import { bashTerminal } from '../terminal/bash-terminal';

const config = JSON.parse(process.argv[2] ?? '{}') as PeerConfig;
if (!process.send) process.exit(2);
const send = (m: unknown) => process.send?.(m);
process.on('unhandledRejection', (e) => send({ ev: 'error', message: String(e) }));

const doc = new Y.Doc();
if (config.clientId !== undefined) doc.clientID = config.clientId;
const text = doc.getText('code');
const awareness = new Awareness(doc);
awareness.setLocalState({ user: { name: config.name, color: '#61afef', role: config.claimRole ?? 'guest' } });
const signer = await roomSigner(config.secretKeyHex);
const connection = new RoomConnection({
  roomId: config.roomId,
  secret: config.secret,
  signalUrl: config.signalUrl,
  iceServers: [],
  doc,
  awareness,
  signer,
  name: config.name,
  ownerKey: config.ownerKey,
  salt: config.salt,
  admission: config.admission,
  entries: config.entries,
  PeerConnection: wrtc.RTCPeerConnection as unknown as typeof RTCPeerConnection,
  sendWithoutRole: config.hostile,
});
// A bridge: a second connection on the same document through another signalling server, as a
// hostile viewer would run to sit between two writers that cannot reach each other.
const bridge = config.bridgeSignalUrl
  ? new RoomConnection({
      roomId: config.roomId,
      secret: config.secret,
      signalUrl: config.bridgeSignalUrl,
      iceServers: [],
      doc,
      awareness,
      signer,
      name: config.name,
      ownerKey: config.ownerKey,
      salt: config.salt,
      entries: config.entries,
      PeerConnection: wrtc.RTCPeerConnection as unknown as typeof RTCPeerConnection,
      sendWithoutRole: config.hostile,
    })
  : null;
const knocks = new Set<string>();
const events: string[] = [];
connection.onEvent((e) => {
  events.push(e.kind === 'removed' ? `removed:${e.reason}` : e.kind);
  report();
});

function report(): void {
  const names = [...awareness.getStates().entries()]
    .filter(([id]) => id !== doc.clientID)
    .map(([, s]) => (s as { user?: { name?: string } }).user?.name ?? '?');
  const members = connection.members().map((m) => ({ key: m.key, name: m.name, role: m.role, self: m.self }));
  for (const m of members) if (m.role === 'knocking') knocks.add(m.key);
  const peers = connection.status().peers + (bridge?.status().peers ?? 0);
  send({ ev: 'state', key: signer.publicKey, length: text.length, hash: text.toString().slice(-64), peers, names, members, events, stats: connection.stats, logSize: connection.provider.log.list().length });
}
text.observe(report);
awareness.on('change', report);
connection.onDidChange(report);
// Counters move without an event of their own (undecryptable signalling, dropped messages).
const ticker = setInterval(report, 500);
const channelLog: unknown[] = [];
connection.channel.on('test', (payload, from) => {
  channelLog.push({ payload, from });
  send({ ev: 'app', payload, from });
});

// The interviewer's clock and pad lock (renderer/interview/), on this peer's room: the clock's
// time is this process's plus `clockSkewMs`, so a test can run it to its end at once.
let clockSkewMs = 0;
let clock: TimerSync | null = null;
let padLock: PadLock | null = null;
function startInterviewClock(durationMs: number): void {
  padLock = new PadLock(connection.provider, {
    onDropped: (member) => send({ ev: 'lock-dropped', name: member.name }),
    onError: (error) => send({ ev: 'error', message: `pad lock: ${String(error)}` }),
  });
  const lock = padLock;
  clock = new TimerSync(
    connection.channel,
    'interviewer',
    {
      // As renderer/interview/interview-room.ts does: the room follows the clock's lock.
      onChange: (timer) => {
        if (timer.locked !== lock.isLocked) lock.setLocked(timer.locked).then(() => send({ ev: 'lock-applied', locked: timer.locked }), (error: unknown) => send({ ev: 'error', message: String(error) }));
      },
      onWarning: () => {},
    },
    () => Date.now() + clockSkewMs,
    durationMs,
  );
}

// A terminal this peer shares with the room (issue 10 item 4): a real bash in a pty, through the
// app's SharedTerminalHost on this peer's room channel; what reaches the pty is recorded.
let sharing: SharedTerminalHost | null = null;
let terminal: (ReturnType<typeof bashTerminal> & { sid: string }) | null = null;
function shareTerminal(): void {
  sharing = new SharedTerminalHost(connection.channel);
  const term = bashTerminal();
  terminal = Object.assign(term, { sid: sharing.share(term) });
  send({ ev: 'terminal-shared', sid: terminal.sid });
}

/** Forged messages straight onto every verified link, bypassing the provider's own rules. */
/** Sends a message as is to every verified peer, or only to the one with key `to`. */
function forge(message: Uint8Array, to?: string): void {
  for (const conn of [connection, bridge]) for (const link of conn?.provider.mesh.verified() ?? []) if (!to || link.peer?.key === to) link.send(message);
}

process.on('message', async (m: { cmd: string; n?: number; gapMs?: number; insert?: string; at?: number; key?: string; role?: string; clientId?: number; bytes?: number; payload?: unknown; batches?: unknown[][] }) => {
  if (m.cmd === 'type') {
    // Keystrokes: one transaction per character, as the Monaco binding makes them.
    for (let i = 0; i < (m.n ?? 0); i++) {
      text.insert(Math.min(m.at ?? text.length, text.length), String.fromCharCode(97 + (i % 26)));
      if (m.gapMs) await new Promise((r) => setTimeout(r, m.gapMs));
    }
    send({ ev: 'typed' });
  }
  if (m.cmd === 'paste') text.insert(Math.min(m.at ?? 0, text.length), m.insert ?? '');
  if (m.cmd === 'offline') connection.goOffline();
  if (m.cmd === 'online') connection.goOnline();
  if (m.cmd === 'text') send({ ev: 'text', text: text.toString() });
  if (m.cmd === 'admit') await connection.admin.admit(m.key!, m.role as 'editor' | 'viewer');
  if (m.cmd === 'set-role') await connection.admin.setRole(m.key!, m.role as 'editor' | 'viewer' | 'admin');
  if (m.cmd === 'kick') await connection.admin.kick(m.key!);
  if (m.cmd === 'ban') send({ ev: 'banned', secret: await connection.admin.ban(m.key!) });
  if (m.cmd === 'deny') connection.admin.deny(m.key!);
  if (m.cmd === 'read-only') connection.admin.setReadOnly(true);
  if (m.cmd === 'app') connection.channel.send('test', m.payload);
  if (m.cmd === 'share-terminal') shareTerminal();
  if (m.cmd === 'grant-terminal' && sharing && terminal) sharing.grantWrite(terminal.sid, m.key!);
  // Raw input frames, as a modified client sends them: straight onto the room channel.
  if (m.cmd === 'terminal-input') connection.channel.send(SharedTerminalTopic.input, m.payload, m.key);
  if (m.cmd === 'terminal-state') send({ ev: 'terminal', written: terminal?.written ?? [], output: terminal?.output() ?? '', dropped: sharing?.dropped() ?? {} });
  if (m.cmd === 'interview-clock') startInterviewClock(m.n ?? 60_000);
  if (m.cmd === 'clock-start') clock?.start();
  if (m.cmd === 'clock-advance') {
    clockSkewMs += m.n ?? 0;
    clock?.tick();
  }
  if (m.cmd === 'clock-unlock') clock?.setLocked(false);
  if (m.cmd === 'forge-update') {
    // An update made under another client id (an editor's), sent as if it were ours.
    const forged = new Y.Doc();
    forged.clientID = m.clientId ?? 1;
    forged.getText('code').insert(0, m.insert ?? 'forged');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(forged));
    forge(encoding.toUint8Array(e));
  }
  if (m.cmd === 'forge-awareness') {
    // Awareness for a client id we did not declare (someone else's), claiming the owner's role.
    const other = new Awareness(new Y.Doc());
    other.clientID = m.clientId ?? 1;
    other.setLocalState({ user: { name: 'Owner (really)', color: '#ff0000', role: 'owner' } });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(other, [other.clientID]));
    forge(encoding.toUint8Array(e));
  }
  if (m.cmd === 'forge-entries') {
    // Membership entries straight onto the wire, unchecked by our own log.
    forge(encodeJsonMessage(MessageType.membership, m.payload));
  }
  if (m.cmd === 'held-flood') {
    // Sync messages while the receiver checks our membership entries (which it holds until the
    // batches before them are checked): n tiny updates, a batch of `batches` ahead of each share.
    const tiny = new Y.Doc();
    tiny.getText('code').insert(0, 'h');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(tiny));
    const update = encoding.toUint8Array(e);
    const batches = (m.batches ?? []).map((batch) => encodeJsonMessage(MessageType.membership, batch));
    const share = Math.ceil((m.n ?? 0) / Math.max(1, batches.length));
    for (let i = 0; i < (m.n ?? 0); i++) {
      if (i % share === 0 && batches[i / share]) forge(batches[i / share]!);
      forge(update);
    }
    send({ ev: 'held-flooded' });
  }
  if (m.cmd === 'entry-flood') {
    // Membership messages at once, faster than the receiver can check them (to one peer, with `key`).
    for (const batch of m.batches ?? []) forge(encodeJsonMessage(MessageType.membership, batch), m.key);
    send({ ev: 'entry-flooded' });
  }
  if (m.cmd === 'entry-stream') {
    // Membership messages one after another, gapMs apart: a stream of batches to check.
    for (const batch of m.batches ?? []) {
      forge(encodeJsonMessage(MessageType.membership, batch));
      await new Promise((r) => setTimeout(r, m.gapMs ?? 5));
    }
    send({ ev: 'entry-streamed' });
  }
  if (m.cmd === 'huge-update') {
    // One update of `bytes` (50 MB): refused at its first frame, and the sender dropped.
    const big = new Y.Doc();
    big.getText('code').insert(0, 'x'.repeat(m.bytes ?? 50 * 1024 * 1024));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(big));
    forge(encoding.toUint8Array(e));
    send({ ev: 'sent-huge' });
  }
  if (m.cmd === 'stop') {
    clearInterval(ticker);
    clock?.dispose();
    padLock?.dispose();
    sharing?.dispose();
    terminal?.end();
    bridge?.destroy();
    connection.destroy();
    doc.destroy();
    setTimeout(() => process.exit(0), 100);
  }
  report();
});
await connection.ready;
send({ ev: 'ready', key: signer.publicKey });
report();
