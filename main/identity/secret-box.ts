// How the identity's secret key is protected at rest (issue 8, item 1). Electron implements it
// with safeStorage (the OS keychain, DPAPI or libsecret: main/electron/safe-storage.ts); the
// browser host has none and keeps the key in a file only its user can read (mode 0600).
export interface SecretBox {
  /** Names the protection in the identity file, e.g. "electron-safe-storage". */
  readonly kind: string;
  /** False when the OS offers no protection right now (e.g. no keyring on Linux). */
  available(): boolean;
  encrypt(plain: Uint8Array): Uint8Array;
  decrypt(sealed: Uint8Array): Uint8Array;
}
