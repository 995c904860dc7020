import { describe, expect, it, vi } from 'vitest';
import { CHAT_HISTORY_LIMIT, ChatTopic, signChatMessage, type SignedChatMessage } from '../../common/chat';
import { keyFingerprint, newSecretKey, signerFromSecretKey, type DomainSigner } from '../../common/identity';
import { CHAT_RATE, RoomChat, type ChatRefusal } from './chat';
import { channelPair, type ChannelSender, type RoomChannel } from './room-channel';

// The room chat's rules over an in-memory RoomChannel with real Ed25519 keys (issue 8, "Rooms you
// can trust"); the same class runs over real WebRTC between Node processes in
// test/integration/trust/chat-hostile.test.ts and in real Chromium in test/e2e/room-chat.spec.ts.

const ROOM = 'RoomChatTest0000000000';

interface Person {
  sender: ChannelSender;
  signer: DomainSigner;
}

async function person(name: string, role: ChannelSender['role']): Promise<Person> {
  const signer = await signerFromSecretKey(await newSecretKey());
  return { signer, sender: { key: signer.publicKey, fingerprint: keyFingerprint(signer.publicKey), name, role } };
}

function chatFor(p: Person, channel: RoomChannel, now?: () => number) {
  const refusals: Array<{ reason: ChatRefusal; from: string }> = [];
  const chat = new RoomChat(channel, {
    roomId: ROOM,
    self: { name: p.sender.name, color: '#61afef' },
    sign: (fields) => signChatMessage(p.signer, fields, now?.()),
    onRefused: (reason, from) => refusals.push({ reason, from: from.name }),
    now,
  });
  return { chat, refusals, texts: () => chat.messages().map((m) => `${m.name}: ${m.text}`) };
}

/** Signature checks of a few hundred messages take a while on a loaded machine. */
const WAIT = { timeout: 30_000, interval: 20 };

async function send(chat: RoomChat, text: string) {
  const result = chat.send(text);
  if (!result.ok) throw new Error(`not sent: ${result.reason}`);
  return result.sent;
}

describe('room chat', () => {
  it("a viewer's message reaches every member under the name its connection gave, once", async () => {
    const [alice, vic, bob] = await Promise.all([person('Alice', 'owner'), person('Vic', 'viewer'), person('Bob', 'editor')]);
    const [a, v, b] = channelPair(alice.sender, vic.sender, bob.sender);
    const [ca, cv, cb] = [chatFor(alice, a!), chatFor(vic, v!), chatFor(bob, b!)];
    const line = await send(cv.chat, '  hello from a viewer  ');
    expect(line).toMatchObject({ name: 'Vic', author: vic.sender.key, fingerprint: vic.sender.fingerprint, text: 'hello from a viewer' });
    await vi.waitFor(() => expect(ca.texts()).toEqual(['Vic: hello from a viewer']), WAIT);
    await vi.waitFor(() => expect(cb.texts()).toEqual(['Vic: hello from a viewer']), WAIT);
    expect(cv.texts()).toEqual(['Vic: hello from a viewer']);
    // Heard again (a peer sends the same signed message twice): still one line, nothing refused.
    const signed = (await signChatMessage(vic.signer, { roomId: ROOM, name: 'Vic', color: '#61afef', text: 'twice' })) as SignedChatMessage;
    v!.send(ChatTopic.message, signed);
    v!.send(ChatTopic.message, signed);
    await vi.waitFor(() => expect(ca.texts()).toEqual(['Vic: hello from a viewer', 'Vic: twice']), WAIT);
    await new Promise((r) => setTimeout(r, 20));
    expect(ca.texts()).toHaveLength(2);
    expect(ca.refusals).toEqual([]);
    for (const c of [ca, cv, cb]) c.chat.dispose();
  });

  it('refuses forged names, messages of another author, edits, foreign rooms and floods, logging each kind once per member', async () => {
    const [alice, mallory] = await Promise.all([person('Alice', 'owner'), person('Mallory', 'editor')]);
    const [a, m] = channelPair(alice.sender, mallory.sender);
    const ca = chatFor(alice, a!);
    const cm = chatFor(mallory, m!);
    const real = await send(ca.chat, 'the real text');
    await vi.waitFor(() => expect(cm.texts()).toEqual(['Alice: the real text']), WAIT);
    const aliceSigned = (await signChatMessage(alice.signer, { roomId: ROOM, name: 'Alice', color: '#61afef', text: 'never sent by Alice' })) as SignedChatMessage;

    // Mallory signs a message with Alice's name; she sends Alice's own signed message as hers; she
    // edits the text of Alice's message; she signs one for another room.
    const asAlice = await signChatMessage(mallory.signer, { roomId: ROOM, name: 'Alice', color: '#61afef', text: 'I am Alice' });
    m!.send(ChatTopic.message, asAlice);
    m!.send(ChatTopic.message, aliceSigned);
    m!.send(ChatTopic.message, { ...aliceSigned, author: mallory.sender.key });
    m!.send(ChatTopic.message, { ...(await signChatMessage(mallory.signer, { roomId: ROOM, name: 'Mallory', color: '#61afef', text: 'x' })), text: 'edited' });
    m!.send(ChatTopic.message, await signChatMessage(mallory.signer, { roomId: 'AnotherRoom00000000000', name: 'Mallory', color: '#61afef', text: 'elsewhere' }));
    m!.send(ChatTopic.message, { text: 'no shape' });
    m!.send(ChatTopic.message, await signChatMessage(mallory.signer, { roomId: ROOM, name: 'Mallory', color: '#61afef', text: 'y'.repeat(10) }));
    m!.send(ChatTopic.message, { ...(await signChatMessage(mallory.signer, { roomId: ROOM, name: 'Mallory', color: '#61afef', text: 'z' })), text: 'z'.repeat(2001) });
    await vi.waitFor(() => expect(ca.chat.refused).toEqual({ 'name-mismatch': 1, 'not-the-author': 1, 'bad-signature': 2, 'foreign-room': 1, malformed: 2 }), WAIT);
    expect(ca.refusals.map((r) => `${r.from}: ${r.reason}`).sort()).toEqual(['Mallory: bad-signature', 'Mallory: foreign-room', 'Mallory: malformed', 'Mallory: name-mismatch', 'Mallory: not-the-author']);
    expect(ca.texts()).toEqual(['Alice: the real text', `Mallory: ${'y'.repeat(10)}`]);

    // A flood: past CHAT_RATE in the window (the 8 above count too) the rest is refused, and
    // logged once however many there are.
    const flood = CHAT_RATE.messages + 5;
    for (let i = 0; i < flood; i++) m!.send(ChatTopic.message, await signChatMessage(mallory.signer, { roomId: ROOM, name: 'Mallory', color: '#61afef', text: `flood ${i}` }));
    await vi.waitFor(() => expect(ca.chat.refused['too-fast']).toBe(flood - (CHAT_RATE.messages - 8)), WAIT);
    expect(ca.refusals.filter((r) => r.reason === 'too-fast')).toHaveLength(1);
    expect(real.text).toBe('the real text');
    // The sender's own box is held to the same rate.
    const bursts = Array.from({ length: CHAT_RATE.messages + 1 }, () => ca.chat.send('hi'));
    expect(bursts.at(-1)).toEqual({ ok: false, reason: 'too-fast' });
    await Promise.all(bursts.flatMap((r) => (r.ok ? [r.sent] : [])));
    ca.chat.dispose();
    cm.chat.dispose();
  });

  it('a late joiner gets the recent history from the members, each message once, in order, and a tampered copy is refused', async () => {
    let clock = 1_700_000_000_000;
    const now = () => clock;
    const [alice, bob, mallory, carol] = await Promise.all([person('Alice', 'owner'), person('Bob', 'viewer'), person('Mallory', 'editor'), person('Carol', 'viewer')]);
    const [a, b, m, c] = channelPair(alice.sender, bob.sender, mallory.sender, carol.sender);
    const ca = chatFor(alice, a!, now);
    const cb = chatFor(bob, b!, now);
    // Mallory answers history with Alice's messages edited, and one "by Alice" she signed herself.
    const mallorySaw: SignedChatMessage[] = [];
    m!.on(ChatTopic.message, (payload) => mallorySaw.push(payload as SignedChatMessage));
    m!.on(ChatTopic.historyRequest, async (_payload, from) => {
      const forged = await signChatMessage(mallory.signer, { roomId: ROOM, name: 'Mallory', color: '#61afef', text: 'a line Alice never wrote' }, clock);
      const edited = mallorySaw.slice(-(CHAT_HISTORY_LIMIT - 1)).map((x) => ({ ...x, text: `${x.text} (edited)` }));
      m!.send(ChatTopic.history, { messages: [...edited, { ...forged, author: alice.sender.key, name: 'Alice' }] }, from.key);
    });
    for (let i = 0; i < CHAT_HISTORY_LIMIT + 20; i++) {
      clock += 2_000;
      await send(i % 2 ? cb.chat : ca.chat, `line ${i}`);
    }
    await vi.waitFor(() => expect(cb.chat.messages()).toHaveLength(CHAT_HISTORY_LIMIT + 20), WAIT);
    await vi.waitFor(() => expect(ca.chat.messages()).toHaveLength(CHAT_HISTORY_LIMIT + 20), WAIT);
    expect(mallorySaw).toHaveLength(CHAT_HISTORY_LIMIT + 20);

    const cc = chatFor(carol, c!, now);
    cc.chat.syncHistory();
    // From Alice and Bob: the 200 most recent, each once, in order; Mallory's copies refused.
    await vi.waitFor(() => expect(cc.chat.refused['bad-signature']).toBe(CHAT_HISTORY_LIMIT), WAIT);
    await vi.waitFor(() => expect(cc.texts()).toHaveLength(CHAT_HISTORY_LIMIT), WAIT);
    expect(cc.texts()[0]).toBe('Alice: line 20');
    expect(cc.texts().at(-1)).toBe('Bob: line 219');
    expect(cc.texts().some((t) => t.includes('edited') || t.includes('never wrote'))).toBe(false);
    expect(cc.refusals).toEqual([{ reason: 'bad-signature', from: 'Mallory' }]);
    // History nobody asked for is refused.
    m!.send(ChatTopic.history, { messages: [] }, carol.sender.key);
    await vi.waitFor(() => expect(cc.chat.refused['unsolicited-history']).toBe(1), WAIT);
    // Asking again at once is refused by the member asked.
    c!.send(ChatTopic.historyRequest, {}, alice.sender.key);
    await vi.waitFor(() => expect(ca.chat.refused['history-too-often']).toBe(1), WAIT);
    for (const x of [ca, cb, cc]) x.chat.dispose();
  });
});
