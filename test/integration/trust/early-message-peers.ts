// Two PeerLinks (renderer/collab/provider/peer-link.ts) over a real WebRTC connection in this
// process (@roamhq/wrtc), the parent's test asking how their handshake ended. With argv[2] ===
// 'late-open', the answerer's data channel reports its `open` event 300 ms late and reads as
// "connecting" until then, while its messages flow at once: Chromium can deliver a data channel's
// first messages before its open event (js-libp2p pull request 3312, "Chrome can receive data
// before a datachannel is open"); @roamhq/wrtc announces the channel already open. With
// 'big-hello', the offerer also sends a 20 KiB handshake message as its channel opens, as a
// hostile peer could, to be held unverified.
import wrtc from '@roamhq/wrtc';
import { signHandshake } from '../../../common/handshake';
import { newSecretKey, signerFromSecretKey } from '../../../common/identity';
import { FramedChannel } from '../../../renderer/collab/provider/framed-channel';
import { PeerLink, type LinkIdentity, type Signal } from '../../../renderer/collab/provider/peer-link';
import { encodeJsonMessage, MessageType } from '../../../renderer/collab/provider/wire';

const mode = process.argv[2] as 'on-time' | 'late-open' | 'big-hello';
const lateOpen = mode === 'late-open';
const send = (m: unknown) => process.send?.(m);
process.on('unhandledRejection', (e) => send({ ev: 'error', message: String(e) }));

const OPEN_DELAY_MS = 300;

/**
 * `target` as it is (methods bound to it), except the properties `override` returns a value for,
 * and assignments `assign` changes.
 */
function altered<T extends object>(target: T, override: (prop: string | symbol) => unknown, assign: (prop: string | symbol, value: unknown) => unknown = (_, v) => v): T {
  return new Proxy(target, {
    get(t, prop) {
      const replaced = override(prop);
      if (replaced !== undefined) return replaced;
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
    set(t, prop, value) {
      return Reflect.set(t, prop, assign(prop, value), t);
    },
  });
}

/** The channel as Chromium may show it: open event (and readyState) late, messages on time. */
function withLateOpen(channel: RTCDataChannel): RTCDataChannel {
  let open = false;
  const addEventListener = (type: string, listener: () => void, options?: AddEventListenerOptions) => {
    if (type !== 'open') return channel.addEventListener(type, listener, options);
    setTimeout(() => {
      open = true;
      listener();
    }, OPEN_DELAY_MS);
  };
  return altered(channel, (prop) => (prop === 'readyState' && !open ? 'connecting' : prop === 'addEventListener' ? addEventListener : undefined));
}

/** A real RTCPeerConnection whose announced data channels open late (withLateOpen). */
class LateOpenPeerConnection {
  constructor(config: RTCConfiguration) {
    return altered(
      new wrtc.RTCPeerConnection(config),
      () => undefined,
      (prop, value) => {
        if (prop !== 'ondatachannel' || typeof value !== 'function') return value;
        const handler = value as (event: { channel: RTCDataChannel }) => void;
        return (event: { channel: RTCDataChannel }) => handler({ channel: withLateOpen(event.channel) });
      },
    );
  }
}

/** A real RTCPeerConnection whose data channel, once open, also carries one 20 KiB handshake message. */
class BigHelloPeerConnection {
  constructor(config: RTCConfiguration) {
    const pc = new wrtc.RTCPeerConnection(config);
    const createDataChannel = (label: string, init?: RTCDataChannelInit) => {
      const channel = pc.createDataChannel(label, init) as unknown as RTCDataChannel;
      channel.addEventListener('open', () => {
        const framed = new FramedChannel(channel, { message: () => undefined, oversized: () => undefined });
        framed.send(encodeJsonMessage(MessageType.handshake, { t: 'hello', padding: 'x'.repeat(20 * 1024) }));
      });
      return channel;
    };
    return altered(pc, (prop) => (prop === 'createDataChannel' ? createDataChannel : undefined));
  }
}

async function identity(name: string): Promise<LinkIdentity> {
  const signer = await signerFromSecretKey(await newSecretKey());
  return { publicKey: signer.publicKey, name, signHandshake: (t, side) => signHandshake(signer, t, side) };
}

const outcome: Record<string, string> = {};
const links: Record<string, PeerLink> = {};
function link(name: 'offerer' | 'answerer', me: LinkIdentity, other: () => PeerLink, PeerConnection: typeof RTCPeerConnection): PeerLink {
  return new PeerLink({
    remotePeerId: name === 'offerer' ? 'answerer' : 'offerer',
    initiator: name === 'offerer',
    roomId: 'room-early-message',
    PeerConnection,
    iceServers: [],
    identity: me,
    clientIds: () => [name === 'offerer' ? 1 : 2],
    sendSignal: (signal: Signal) => void other().signal(signal),
    onVerified: (_link, peer) => {
      outcome[name] = `verified ${peer.name}`;
      if (outcome.offerer?.startsWith('verified') && outcome.answerer?.startsWith('verified')) send({ ev: 'result', outcome });
    },
    onMessage: () => undefined,
    onClosed: (_link, reason, detail) => {
      outcome[name] = `closed: ${reason}${detail ? ` (${detail})` : ''}`;
      send({ ev: 'result', outcome });
    },
  });
}

const [offererId, answererId] = await Promise.all([identity('Offerer'), identity('Answerer')]);
// The answerer first: the offerer's constructor starts negotiating and signals it at once.
links.answerer = link('answerer', answererId, () => links.offerer!, (lateOpen ? LateOpenPeerConnection : wrtc.RTCPeerConnection) as unknown as typeof RTCPeerConnection);
links.offerer = link('offerer', offererId, () => links.answerer!, (mode === 'big-hello' ? BigHelloPeerConnection : wrtc.RTCPeerConnection) as unknown as typeof RTCPeerConnection);

process.on('message', (m: { cmd: string }) => {
  if (m.cmd !== 'stop') return;
  for (const l of Object.values(links)) l.close('closed', 'test over');
  setTimeout(() => process.exit(0), 100);
});
