import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSecretKey, signerFromSecretKey } from '../../common/identity';
import { IDENTITY_FILE, openSecret, readIdentityFile, sealSecret, writeIdentityFile, type StoredIdentity } from './identity-file';
import { IdentityService } from './identity-service';
import type { SecretBox } from './secret-box';

// The identity file on a real disk: a write that fails leaves the old file whole and no temporary
// file behind, and a key sealed by a protection this host lacks is never overwritten.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-identity-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// A box that really transforms the bytes, as Electron's safeStorage would.
const box = (kind: string, available = true): SecretBox => ({
  kind,
  available: () => available,
  encrypt: (b) => b.map((x) => x ^ 0x5a),
  decrypt: (b) => b.map((x) => x ^ 0x5a),
});

async function storedIdentity(sealWith?: SecretBox): Promise<{ stored: StoredIdentity; secretKey: Uint8Array }> {
  const secretKey = await newSecretKey();
  const signer = await signerFromSecretKey(secretKey);
  return { secretKey, stored: { v: 1, publicKey: signer.publicKey, name: 'Ada', color: '#61afef', ...sealSecret(secretKey, sealWith) } };
}

describe('identity file', () => {
  it('keeps the old file whole, and leaves no temporary file, when a write is refused', async () => {
    const file = path.join(dir, IDENTITY_FILE);
    const { stored } = await storedIdentity();
    await writeIdentityFile(file, stored);
    const before = readFileSync(file, 'utf8');
    await expect(writeIdentityFile(file, { ...stored, name: '' })).rejects.toThrow();
    await expect(writeIdentityFile(file, { ...stored, color: 'red; background: url(x)' })).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual([IDENTITY_FILE]);
  });

  it('seals with a box only when it is available, and opens only with the same kind of box', async () => {
    const { stored: plain, secretKey } = await storedIdentity(box('keychain', false));
    expect(plain.secretKind).toBe('plain');
    expect(openSecret(plain, undefined)).toEqual(secretKey);

    const { stored: sealed, secretKey: sealedKey } = await storedIdentity(box('keychain'));
    expect(sealed.secretKind).toBe('keychain');
    expect(openSecret(sealed, box('keychain'))).toEqual(sealedKey);
    expect(() => openSecret(sealed, undefined)).toThrow(/sealed with keychain, which this host cannot open/);
    expect(() => openSecret(sealed, box('other-box'))).toThrow(/sealed with keychain/);
    expect(() => openSecret(sealed, box('keychain', false))).toThrow(/sealed with keychain/);
  });

  it('reads nothing from a missing file and refuses a file that is not an identity', async () => {
    expect(await readIdentityFile(path.join(dir, 'none.json'))).toBeNull();
    const odd = path.join(dir, 'odd.json');
    writeFileSync(odd, JSON.stringify({ v: 2 }));
    await expect(readIdentityFile(odd)).rejects.toThrow();
    await expect(readIdentityFile(dir)).rejects.toThrow(/EISDIR/);
  });

  it('a key sealed by the desktop app is kept aside, not overwritten, by a host without its box', async () => {
    const { stored } = await storedIdentity(box('electron-safe-storage'));
    const file = path.join(dir, IDENTITY_FILE);
    await writeIdentityFile(file, stored);
    const original = readFileSync(file, 'utf8');

    const service = new IdentityService(dir);
    const fresh = await service.get();
    expect(fresh.publicKey).not.toBe(stored.publicKey);
    const aside = readdirSync(dir).filter((name) => name.startsWith(`${IDENTITY_FILE}.unreadable-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(original);

    // With the box back (the app again), the kept file still opens to the original key.
    const restored = path.join(dir, 'restored');
    mkdirSync(restored);
    writeFileSync(path.join(restored, IDENTITY_FILE), readFileSync(path.join(dir, aside[0]!)));
    expect((await new IdentityService(restored, box('electron-safe-storage')).get()).publicKey).toBe(stored.publicKey);
  });
});
