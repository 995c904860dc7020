import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ColorSchema, DisplayNameSchema, PublicKeySchema } from '../../common/identity';
import type { SecretBox } from './secret-box';

// The identity on disk: one JSON file in the data dir, mode 0600, replaced atomically (a new file
// written, flushed and renamed over the old one), so a crash leaves the old key or the new one,
// never half of either.

export const IDENTITY_FILE = 'identity.json';

const StoredIdentitySchema = z
  .object({
    v: z.literal(1),
    publicKey: PublicKeySchema,
    name: DisplayNameSchema,
    color: ColorSchema,
    /** "plain" (hex) or the SecretBox kind that sealed it (base64). */
    secretKind: z.string().min(1).max(64),
    secret: z.string().min(1).max(4096),
  })
  .strict();
export type StoredIdentity = z.infer<typeof StoredIdentitySchema>;

export function sealSecret(secretKey: Uint8Array, box: SecretBox | undefined): Pick<StoredIdentity, 'secretKind' | 'secret'> {
  if (box?.available()) return { secretKind: box.kind, secret: Buffer.from(box.encrypt(secretKey)).toString('base64') };
  return { secretKind: 'plain', secret: Buffer.from(secretKey).toString('hex') };
}

export function openSecret(stored: StoredIdentity, box: SecretBox | undefined): Uint8Array {
  if (stored.secretKind === 'plain') return new Uint8Array(Buffer.from(stored.secret, 'hex'));
  if (!box || box.kind !== stored.secretKind || !box.available()) {
    throw new Error(`the identity key is sealed with ${stored.secretKind}, which this host cannot open`);
  }
  return box.decrypt(new Uint8Array(Buffer.from(stored.secret, 'base64')));
}

export async function readIdentityFile(file: string): Promise<StoredIdentity | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // A copy made with a looser mode (a backup restored, a manual edit) is tightened again.
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  return StoredIdentitySchema.parse(JSON.parse(text));
}

export async function writeIdentityFile(file: string, identity: StoredIdentity): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(StoredIdentitySchema.parse(identity), null, 2));
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
}
