import * as buffer from 'lib0/buffer';
import { describe, expect, it } from 'vitest';
// y-webrtc's own sealing, to show ours is the same on the wire (no typings: it is plain JS).
// @ts-expect-error -- y-webrtc does not export or declare crypto.js; the file itself is the reference
import * as ywebrtcCrypto from '../../../node_modules/y-webrtc/src/crypto.js';
import { deriveRoomKey, openJson, sealJson } from './signal-crypto';

interface YCrypto {
  deriveKey(secret: string, room: string): Promise<CryptoKey>;
  encryptJson(data: unknown, key: CryptoKey): Promise<Uint8Array>;
  decryptJson(data: Uint8Array, key: CryptoKey): Promise<unknown>;
}
const y = ywebrtcCrypto as YCrypto;

describe('signalling seal (y-webrtc compatible)', () => {
  it('what we seal, y-webrtc opens, and the other way round; another secret opens nothing', async () => {
    const message = { type: 'signal', from: 'a', to: 'b', token: 1.5, signal: { type: 'offer', sdp: 'v=0\r\n' } };
    const ours = await deriveRoomKey('secret-secret-secret', 'room-1');
    const theirs = await y.deriveKey('secret-secret-secret', 'room-1');
    expect(await y.decryptJson(buffer.fromBase64(await sealJson(message, ours)), theirs)).toEqual(message);
    expect(await openJson(buffer.toBase64(await y.encryptJson(message, theirs)), ours)).toEqual(message);
    const other = await deriveRoomKey('another-secret-here', 'room-1');
    await expect(openJson(await sealJson(message, ours), other)).rejects.toThrow();
    // The room name is the salt: the same secret in another room is another key.
    await expect(openJson(await sealJson(message, ours), await deriveRoomKey('secret-secret-secret', 'room-2'))).rejects.toThrow();
  });
});
