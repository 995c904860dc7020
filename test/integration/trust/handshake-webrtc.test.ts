import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stopChildPeer } from '../child-peer';

// Issue 8, item 3 over real WebRTC between Node processes (@roamhq/wrtc): the fingerprints come
// from the real SDPs, the handshake runs over a real data channel. The test process is the
// signalling server: honest, or swapping the answer for a relay's (a man in the middle).
// Run in a loopback-only network namespace (npm test does).

const script = path.join(import.meta.dirname, 'handshake-peer.ts');
const children: ChildProcess[] = [];

interface Message {
  ev: string;
  sdp?: string;
  result?: { ok: boolean; peerKey?: string; problem?: string };
  publicKey?: string;
  message?: string;
}

function start(role: 'offerer' | 'answerer' | 'relay') {
  const child = fork(script, [role], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const next = (ev: string) =>
    new Promise<Message>((resolve, reject) => {
      const listener = (m: Message) => {
        if (m.ev === 'error') reject(new Error(`${role}: ${m.message}`));
        if (m.ev !== ev) return;
        child.off('message', listener);
        resolve(m);
      };
      child.on('message', listener);
    });
  return { child, next, send: (m: Record<string, unknown>) => child.send(m) };
}

afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => stopChildPeer(c)));
});

describe('the signed handshake over real WebRTC', () => {
  it('succeeds with honest signalling: each side learns the key the other holds', async () => {
    const offerer = start('offerer');
    const answerer = start('answerer');
    const results = [offerer.next('result'), answerer.next('result')];
    const offer = await offerer.next('offer');
    const answered = answerer.next('answer');
    answerer.send({ cmd: 'offer', sdp: offer.sdp });
    offerer.send({ cmd: 'answer', sdp: (await answered).sdp });
    const [a, b] = await Promise.all(results);
    expect(a!.result).toEqual({ ok: true, peerKey: b!.publicKey });
    expect(b!.result).toEqual({ ok: true, peerKey: a!.publicKey });
  }, 150_000);

  // Skipped until 2026-12-06: the relay listened on its channel to the answerer only once the
  // offerer's channel was announced, so an answerer's hello that came first was lost and neither
  // side ever settled (1 run in 8 timed out); it listens on each channel as soon as it exists now.
  it('fails on both sides when signalling swaps the answer for a relay in the middle', async () => {
    const offerer = start('offerer');
    const answerer = start('answerer');
    const relay = start('relay');
    const results = [offerer.next('result'), answerer.next('result')];
    const offer = await offerer.next('offer');
    const relayAnswer = relay.next('answer');
    const relayOffer = relay.next('offer');
    relay.send({ cmd: 'offer', sdp: offer.sdp });
    // The offerer gets the relay's answer; the answerer gets the relay's offer and answers the relay.
    const answered = answerer.next('answer');
    answerer.send({ cmd: 'offer', sdp: (await relayOffer).sdp });
    relay.send({ cmd: 'answer', sdp: (await answered).sdp });
    const relaying = relay.next('relaying');
    offerer.send({ cmd: 'answer', sdp: (await relayAnswer).sdp });
    await relaying;
    const [a, b] = await Promise.all(results);
    expect(a!.result).toEqual({ ok: false, problem: 'bad-signature' });
    expect(b!.result).toEqual({ ok: false, problem: 'bad-signature' });
  }, 150_000);
});
