import { safeStorage } from 'electron';
import type { SecretBox } from '../identity/secret-box';

/** The identity key sealed by the OS (Keychain, DPAPI, libsecret/kwallet) where Electron can. */
export const electronSecretBox: SecretBox = {
  kind: 'electron-safe-storage',
  // On Linux without a keyring Electron falls back to a hard-coded key ("basic_text"): no better
  // than the 0600 file, and it would make the file unreadable elsewhere, so the plain file is kept.
  available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (plain) => new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('hex'))),
  decrypt: (sealed) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'hex')),
};
