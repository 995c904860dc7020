// One side of a real WebRTC connection in its own process (@roamhq/wrtc), running the signed
// handshake (common/handshake.ts) on its data channel with fingerprints from the SDPs its
// RTCPeerConnection really uses. Roles (argv[2]): "offerer", "answerer", or "relay" (a man in the
// middle: it answers the offerer and offers to the answerer, with its own DTLS certificates, and
// passes every data-channel message through). The parent carries SDPs over IPC: it is the
// signalling server, honest or not.
import wrtc from '@roamhq/wrtc';
import { HandshakeSide, signHandshake, type HandshakeSideName } from '../../../common/handshake';
import { newSecretKey, signerFromSecretKey } from '../../../common/identity';

type Pc = InstanceType<typeof wrtc.RTCPeerConnection>;
type Dc = ReturnType<Pc['createDataChannel']>;

const role = process.argv[2] as 'offerer' | 'answerer' | 'relay';
const roomId = process.argv[3] ?? 'room-handshake';
const send = (m: unknown) => process.send?.(m);
process.on('unhandledRejection', (e) => send({ ev: 'error', message: String(e) }));

/** No trickle: the SDP handed to signalling carries every candidate (a null candidate ends gathering). */
function gatheringDone(pc: Pc): Promise<void> {
  // Listening before setLocalDescription: wrtc may emit every candidate before that promise settles.
  return new Promise<void>((resolve) => {
    pc.onicecandidate = (event: { candidate: unknown }) => {
      if (!event.candidate) resolve();
    };
  });
}

async function makeOffer(pc: Pc): Promise<string> {
  const done = gatheringDone(pc);
  await pc.setLocalDescription(await pc.createOffer());
  await done;
  return pc.localDescription!.sdp;
}

async function makeAnswer(pc: Pc, offer: string): Promise<string> {
  const done = gatheringDone(pc);
  await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  await pc.setLocalDescription(await pc.createAnswer());
  await done;
  return pc.localDescription!.sdp;
}

function opened(dc: Dc): Promise<void> {
  return dc.readyState === 'open' ? Promise.resolve() : new Promise((resolve) => dc.addEventListener('open', () => resolve()));
}

const signer = signerFromSecretKey(await newSecretKey());

function runHandshake(pc: Pc, dc: Dc, side: HandshakeSideName): void {
  const ready = signer.then(
    (me) =>
      new HandshakeSide({
        roomId,
        side,
        publicKey: me.publicKey,
        localSdp: pc.localDescription!.sdp,
        remoteSdp: pc.remoteDescription!.sdp,
        sign: (t, s) => signHandshake(me, t, s),
      }),
  );
  // Listening at once (the peer's hello may come first), handling one message at a time, in order.
  let queue: Promise<unknown> = ready;
  dc.addEventListener('message', (event: { data: unknown }) => {
    queue = queue.then(async () => {
      const reply = await (await ready).receive(JSON.parse(String(event.data)));
      if (reply) dc.send(JSON.stringify(reply));
    });
  });
  void Promise.all([ready, opened(dc), signer]).then(async ([hs, , me]) => {
    dc.send(JSON.stringify(hs.hello()));
    send({ ev: 'result', result: await hs.done, publicKey: me.publicKey });
  });
}

const pcs: Pc[] = [];
const newPc = () => {
  const pc = new wrtc.RTCPeerConnection({ iceServers: [] });
  pcs.push(pc);
  return pc;
};

if (role === 'offerer') {
  const pc = newPc();
  const dc = pc.createDataChannel('handshake');
  send({ ev: 'offer', sdp: await makeOffer(pc) });
  process.on('message', (m: { cmd: string; sdp?: string }) => {
    if (m.cmd === 'answer') void pc.setRemoteDescription({ type: 'answer', sdp: m.sdp! }).then(() => runHandshake(pc, dc, 'offerer'));
  });
} else if (role === 'answerer') {
  const pc = newPc();
  process.on('message', (m: { cmd: string; sdp?: string }) => {
    if (m.cmd !== 'offer') return;
    pc.addEventListener('datachannel', (event: { channel: Dc }) => runHandshake(pc, event.channel, 'answerer'));
    void makeAnswer(pc, m.sdp!).then((sdp) => send({ ev: 'answer', sdp }));
  });
} else {
  // The relay: one connection facing the offerer, one facing the answerer, bytes passed through.
  const toOfferer = newPc();
  const toAnswerer = newPc();
  const outward = toAnswerer.createDataChannel('handshake');
  let announced!: (inward: Dc) => void;
  const inward = new Promise<Dc>((resolve) => (announced = resolve));
  const both = inward.then(async (dc) => {
    await Promise.all([opened(dc), opened(outward)]);
    return dc;
  });
  void both.then(() => send({ ev: 'relaying' }));
  // Listening on both channels as soon as each exists (the answerer's hello may come before the
  // offerer's channel is announced); what comes in before both are open waits for them, in order.
  outward.addEventListener('message', (e: { data: unknown }) => void both.then((dc) => dc.send(String(e.data))));
  process.on('message', (m: { cmd: string; sdp?: string }) => {
    if (m.cmd === 'offer') {
      toOfferer.addEventListener('datachannel', (event: { channel: Dc }) => {
        event.channel.addEventListener('message', (e: { data: unknown }) => void both.then(() => outward.send(String(e.data))));
        announced(event.channel);
      });
      void makeAnswer(toOfferer, m.sdp!).then((sdp) => send({ ev: 'answer', sdp }));
      void makeOffer(toAnswerer).then((sdp) => send({ ev: 'offer', sdp }));
    }
    if (m.cmd === 'answer') void toAnswerer.setRemoteDescription({ type: 'answer', sdp: m.sdp! });
  });
}

process.on('message', (m: { cmd: string }) => {
  if (m.cmd !== 'stop') return;
  for (const pc of pcs) pc.close();
  setTimeout(() => process.exit(0), 100);
});
send({ ev: 'ready' });
