import { describe, expect, it } from 'vitest';
import { HandshakeSide, parseSdpFingerprints, signHandshake, type HandshakeSideName } from './handshake';
import { newSecretKey, signerFromSecretKey, type DomainSigner } from './identity';

const FP = {
  alice: '6B:8B:5D:EA:59:04:20:D0:B1:7A:0F:8C:2A:3B:4C:5D:6E:7F:80:91:A2:B3:C4:D5:E6:F7:08:19:2A:3B:4C:5D',
  bob: 'AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99',
  mallory: '01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F:20',
};

function sdp(fingerprint: string): string {
  return [
    'v=0',
    'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
    'c=IN IP4 0.0.0.0',
    `a=fingerprint:sha-256 ${fingerprint}`,
    'a=setup:actpass',
    'a=sctp-port:5000',
    '',
  ].join('\r\n');
}

async function person(): Promise<DomainSigner> {
  return signerFromSecretKey(await newSecretKey());
}

function side(signer: DomainSigner, side: HandshakeSideName, roomId: string, localSdp: string, remoteSdp: string, claimedKey = signer.publicKey) {
  return new HandshakeSide({ roomId, side, publicKey: claimedKey, localSdp, remoteSdp, sign: (t, s) => signHandshake(signer, t, s) });
}

/** Both sides exchange hello then auth, in order, as over one ordered data channel. */
async function exchange(a: HandshakeSide, b: HandshakeSide) {
  const [aHello, bHello] = [a.hello(), b.hello()];
  const aAuth = await a.receive(bHello);
  const bAuth = await b.receive(aHello);
  await a.receive(bAuth);
  await b.receive(aAuth);
  return Promise.all([a.done, b.done]);
}

describe('parseSdpFingerprints', () => {
  it('reads session- and media-level a=fingerprint lines, normalised and deduplicated', () => {
    const text = `v=0\r\na=fingerprint:SHA-256 ${FP.alice.toLowerCase()}\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=fingerprint:sha-256 ${FP.alice}\r\na=fingerprint:sha-1 AB:CD:EF\na=fingerprint:sha-256 nothex\r\n`;
    expect(parseSdpFingerprints(text)).toEqual(['sha-1 AB:CD:EF', `sha-256 ${FP.alice}`]);
    expect(parseSdpFingerprints('v=0\r\nm=application 9 UDP/DTLS/SCTP x\r\n')).toEqual([]);
  });
});

describe('the signed handshake', () => {
  it('succeeds when both sides see the same SDPs; each learns the other key', async () => {
    const [alice, bob] = await Promise.all([person(), person()]);
    const [a, b] = await exchange(side(alice, 'offerer', 'room1', sdp(FP.alice), sdp(FP.bob)), side(bob, 'answerer', 'room1', sdp(FP.bob), sdp(FP.alice)));
    expect(a).toEqual({ ok: true, peerKey: bob.publicKey });
    expect(b).toEqual({ ok: true, peerKey: alice.publicKey });
  });

  it('fails on both sides when signalling forged the answer (a man in the middle with its own certificate)', async () => {
    const [alice, bob] = await Promise.all([person(), person()]);
    // Alice got an answer carrying mallory's fingerprint; Bob got an offer carrying mallory's other one.
    const [a, b] = await exchange(side(alice, 'offerer', 'room1', sdp(FP.alice), sdp(FP.mallory)), side(bob, 'answerer', 'room1', sdp(FP.bob), sdp(FP.mallory)));
    expect(a).toEqual({ ok: false, problem: 'bad-signature' });
    expect(b).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('a signature made in another room does not pass here', async () => {
    const [alice, bob] = await Promise.all([person(), person()]);
    const a = side(alice, 'offerer', 'room1', sdp(FP.alice), sdp(FP.bob));
    const elsewhere = side(bob, 'answerer', 'room2', sdp(FP.bob), sdp(FP.alice));
    // Bob's hello names room2: refused at once.
    expect(await a.receive(elsewhere.hello())).toBeNull();
    expect(await a.done).toEqual({ ok: false, problem: 'wrong-room' });
    // A relay rewrites the room ids of the hellos and passes on Bob's room2 signature: it does not verify.
    const a2 = side(alice, 'offerer', 'room1', sdp(FP.alice), sdp(FP.bob));
    const bobInRoom2 = side(bob, 'answerer', 'room2', sdp(FP.bob), sdp(FP.alice));
    const authFromRoom2 = await bobInRoom2.receive({ ...a2.hello(), roomId: 'room2' });
    await a2.receive({ ...bobInRoom2.hello(), roomId: 'room1' });
    await a2.receive(authFromRoom2);
    expect(await a2.done).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('fails when the peer claims a key it does not hold, or reflects our own signature', async () => {
    const [alice, bob, carol] = await Promise.all([person(), person(), person()]);
    const [a] = await exchange(side(alice, 'offerer', 'room1', sdp(FP.alice), sdp(FP.bob)), side(bob, 'answerer', 'room1', sdp(FP.bob), sdp(FP.alice), carol.publicKey));
    expect(a).toEqual({ ok: false, problem: 'bad-signature' });

    const a2 = side(alice, 'offerer', 'room1', sdp(FP.alice), sdp(FP.bob));
    // The "peer" echoes alice's hello and her own auth back to her.
    const ownAuth = await a2.receive({ ...a2.hello() });
    await a2.receive(ownAuth);
    expect(await a2.done).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses auth before hello, a second hello and an SDP without a fingerprint', async () => {
    const [alice, bob] = await Promise.all([person(), person()]);
    const a = side(alice, 'offerer', 'room1', sdp(FP.alice), sdp(FP.bob));
    await a.receive({ t: 'auth', sig: '00'.repeat(64) });
    expect(await a.done).toEqual({ ok: false, problem: 'out-of-order' });
    const b = side(alice, 'offerer', 'room1', sdp(FP.alice), 'v=0\r\n');
    await b.receive(side(bob, 'answerer', 'room1', sdp(FP.bob), sdp(FP.alice)).hello());
    expect(await b.done).toEqual({ ok: false, problem: 'no-fingerprint' });
  });
});
