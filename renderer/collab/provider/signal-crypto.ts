import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// Signalling messages sealed with the room secret exactly as y-webrtc seals them
// (node_modules/y-webrtc/src/crypto.js), so our signalling server, its Redis fan-out and any tool
// that reads y-webrtc traffic keep working: PBKDF2-SHA-256 (100,000 rounds, the room name as salt)
// to an AES-GCM-256 key; a message is lib0 `writeAny`, sealed with a random 96-bit IV, framed as
// varString "AES-GCM" | varUint8Array iv | varUint8Array ciphertext, then base64. WebCrypto does
// the crypto (browser and Node 22 both have crypto.subtle).

const ALGORITHM = 'AES-GCM';
const PBKDF2_ROUNDS = 100_000;

export function deriveRoomKey(secret: string, roomName: string): Promise<CryptoKey> {
  const encoder = new TextEncoder();
  return crypto.subtle
    .importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveKey'])
    .then((material) =>
      crypto.subtle.deriveKey(
        { name: 'PBKDF2', salt: encoder.encode(roomName), iterations: PBKDF2_ROUNDS, hash: 'SHA-256' },
        material,
        { name: ALGORITHM, length: 256 },
        false,
        ['encrypt', 'decrypt'],
      ),
    );
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function sealJson(value: unknown, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder();
  encoding.writeAny(plain, value as Parameters<typeof encoding.writeAny>[1]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: ALGORITHM, iv }, key, encoding.toUint8Array(plain) as Uint8Array<ArrayBuffer>));
  const framed = encoding.createEncoder();
  encoding.writeVarString(framed, ALGORITHM);
  encoding.writeVarUint8Array(framed, iv);
  encoding.writeVarUint8Array(framed, cipher);
  return toBase64(encoding.toUint8Array(framed));
}

/** Opens a sealed message; throws when it was sealed with another key or is not one at all. */
export async function openJson(text: string, key: CryptoKey): Promise<unknown> {
  const decoder = decoding.createDecoder(fromBase64(text));
  if (decoding.readVarString(decoder) !== ALGORITHM) throw new Error('not an AES-GCM sealed message');
  const iv = decoding.readVarUint8Array(decoder);
  const cipher = decoding.readVarUint8Array(decoder);
  const plain = new Uint8Array(await crypto.subtle.decrypt({ name: ALGORITHM, iv: iv as Uint8Array<ArrayBuffer> }, key, cipher as Uint8Array<ArrayBuffer>));
  return decoding.readAny(decoding.createDecoder(plain));
}
