import os from 'node:os';
import path from 'node:path';
import { rename } from 'node:fs/promises';
import { ErrorCode, HostError } from '../../common/errors';
import { keyFingerprint, newSecretKey, signerFromSecretKey, type DomainSigner, type PublicIdentity } from '../../common/identity';
import { signHandshake, type HandshakeSideName, type HandshakeTranscript } from '../../common/handshake';
import { signEntry, type EntryFields, type MembershipEntry } from '../../common/membership';
import { signChatMessage, type ChatSignFields, type SignedChatMessage } from '../../common/chat';
import { IDENTITY_FILE, openSecret, readIdentityFile, sealSecret, writeIdentityFile, type StoredIdentity } from './identity-file';
import type { SecretBox } from './secret-box';
import { getLogger } from '../log/log-service';

const log = getLogger('identity');

// This user's identity (issue 8, item 1). main holds the secret key and signs only what it
// encodes itself: handshake transcripts, membership entries and chat messages, each under its own domain tag
// (common/identity.ts). No method signs bytes a caller chose.

const PALETTE = ['#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d19a66', '#be5046'];

function defaultName(): string {
  try {
    return os.userInfo().username.slice(0, 60) || 'Me';
  } catch {
    return 'Me';
  }
}

export class IdentityService {
  private loaded: Promise<{ stored: StoredIdentity; signer: DomainSigner }> | null = null;
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly box?: SecretBox,
  ) {
    this.file = path.join(dataDir, IDENTITY_FILE);
  }

  /** Loads the identity, making one on first use. A file that cannot be read is kept aside and replaced. */
  private load() {
    this.loaded ??= (async () => {
      try {
        const stored = await readIdentityFile(this.file);
        if (stored) return { stored, signer: await signerFromSecretKey(openSecret(stored, this.box)) };
      } catch (error) {
        const aside = `${this.file}.unreadable-${Date.now()}`;
        await rename(this.file, aside);
        log.warn({ err: error, file: this.file, keptAs: aside }, 'the identity file could not be used; it is kept aside and a new identity was made');
      }
      const secretKey = await newSecretKey();
      const signer = await signerFromSecretKey(secretKey);
      const color = PALETTE[parseInt(signer.publicKey.slice(0, 8), 16) % PALETTE.length]!;
      const stored: StoredIdentity = { v: 1, publicKey: signer.publicKey, name: defaultName(), color, ...sealSecret(secretKey, this.box) };
      await writeIdentityFile(this.file, stored);
      return { stored, signer };
    })();
    this.loaded.catch(() => (this.loaded = null));
    return this.loaded;
  }

  async get(): Promise<PublicIdentity> {
    const { stored } = await this.load();
    return { publicKey: stored.publicKey, name: stored.name, color: stored.color, fingerprint: keyFingerprint(stored.publicKey) };
  }

  async update(patch: { name?: string; color?: string }): Promise<PublicIdentity> {
    const current = await this.load();
    const stored = { ...current.stored, ...patch };
    await writeIdentityFile(this.file, stored);
    this.loaded = Promise.resolve({ stored, signer: current.signer });
    return this.get();
  }

  async signHandshake(transcript: HandshakeTranscript, side: HandshakeSideName): Promise<string> {
    const { signer } = await this.load();
    const me = side === 'offerer' ? transcript.offerer : transcript.answerer;
    // Signing a transcript that names someone else as us would vouch for a key we do not hold.
    if (me.publicKey !== signer.publicKey) throw new HostError(ErrorCode.InvalidArgument, `The handshake transcript names another key as the ${side}; it was not signed.`);
    return signHandshake(signer, transcript, side);
  }

  async signMembershipEntry(fields: EntryFields): Promise<MembershipEntry> {
    const { signer } = await this.load();
    return signEntry(signer, fields);
  }

  async signChatMessage(fields: ChatSignFields): Promise<SignedChatMessage> {
    const { signer } = await this.load();
    return signChatMessage(signer, fields);
  }
}
