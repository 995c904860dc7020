// One room member in its own process with the app's own transport (renderer/collab/room-connection.ts)
// over real WebRTC (@roamhq/wrtc) and the app's room chat (renderer/collab/chat.ts), driven over
// IPC by chat-hostile.test.ts; argv[2] is a JSON ChatPeerConfig. A hostile member runs no RoomChat:
// it keeps what it hears and sends what a modified client would (forged names, other people's
// messages as its own, edited history).
import wrtc from '@roamhq/wrtc';
import { hexToBytes } from '@noble/hashes/utils.js';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ChatTopic, signChatMessage, type SignedChatMessage } from '../../../common/chat';
import { signerFromSecretKey } from '../../../common/identity';
import type { MembershipEntry } from '../../../common/membership';
import { RoomChat } from '../../../renderer/collab/chat';
import { RoomConnection } from '../../../renderer/collab/room-connection';
import { roomSigner } from '../collab/room-signer';

export interface ChatPeerConfig {
  signalUrl: string;
  roomId: string;
  secret: string;
  name: string;
  ownerKey: string;
  salt: string;
  secretKeyHex: string;
  entries: MembershipEntry[];
  hostile?: boolean;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChatPeerConfig;
if (!process.send) process.exit(2);
const send = (m: unknown) => process.send?.(m);
process.on('unhandledRejection', (e) => send({ ev: 'error', message: String(e) }));

const COLOR = '#61afef';
const doc = new Y.Doc();
const awareness = new Awareness(doc);
awareness.setLocalState({ user: { name: config.name, color: COLOR, role: 'guest' } });
const identity = await signerFromSecretKey(hexToBytes(config.secretKeyHex));
const connection = new RoomConnection({
  roomId: config.roomId,
  secret: config.secret,
  signalUrl: config.signalUrl,
  iceServers: [],
  doc,
  awareness,
  signer: await roomSigner(config.secretKeyHex),
  name: config.name,
  ownerKey: config.ownerKey,
  salt: config.salt,
  entries: config.entries,
  PeerConnection: wrtc.RTCPeerConnection as unknown as typeof RTCPeerConnection,
});
const channel = connection.channel;
const sign = (text: string, name = config.name) => signChatMessage(identity, { roomId: config.roomId, name, color: COLOR, text });

const chat = config.hostile
  ? null
  : new RoomChat(channel, { roomId: config.roomId, self: { name: config.name, color: COLOR }, sign: (fields) => signChatMessage(identity, fields) });
const heard: SignedChatMessage[] = [];
if (config.hostile) {
  channel.on(ChatTopic.message, (payload) => heard.push(payload as SignedChatMessage));
  // Asked for history, it passes on what it heard with the text changed, a line "by" the first
  // author it heard that it signed itself, and that author's first message untouched.
  channel.on(ChatTopic.historyRequest, async (_payload, from) => {
    const first = heard[0];
    if (!first) return channel.send(ChatTopic.history, { messages: [] }, from.key);
    const madeUp = await sign('a line they never wrote');
    const messages = [...heard.map((m) => ({ ...m, text: `${m.text} (edited)` })), { ...madeUp, author: first.author, name: first.name }, first];
    channel.send(ChatTopic.history, { messages }, from.key);
  });
}

function report(): void {
  const lines = chat?.messages().map((m) => ({ name: m.name, author: m.author, text: m.text })) ?? [];
  send({ ev: 'state', key: identity.publicKey, peers: connection.status().peers, lines, refused: chat?.refused ?? {}, heard: heard.length });
}
chat?.onDidAdd(report);
connection.onDidChange(() => {
  chat?.syncHistory();
  report();
});
const ticker = setInterval(report, 500);

process.on('message', async (m: { cmd: string; text?: string; name?: string }) => {
  if (m.cmd === 'say') {
    const result = chat!.send(m.text ?? '');
    if (result.ok) await result.sent;
  }
  // Hostile: signed by itself under someone else's name.
  if (m.cmd === 'forge-name') channel.send(ChatTopic.message, await sign(m.text ?? 'hi', m.name));
  // Hostile: someone else's signed message, sent live as if it were its own.
  if (m.cmd === 'forge-relay') channel.send(ChatTopic.message, heard[0]);
  // Hostile: someone else's message with the text changed.
  if (m.cmd === 'forge-edit') channel.send(ChatTopic.message, { ...heard[0], text: m.text ?? 'edited' });
  if (m.cmd === 'stop') {
    clearInterval(ticker);
    chat?.dispose();
    connection.destroy();
    doc.destroy();
    setTimeout(() => process.exit(0), 100);
  }
  report();
});
await connection.ready;
chat?.syncHistory();
send({ ev: 'ready', key: identity.publicKey });
report();
