import { WebrtcProvider } from 'y-webrtc';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { documents } from '../editor/documents';
import { monaco } from '../editor/monaco-setup';
import { currentEditor, transportStats } from './session';
import { RoomConnection } from './room-connection';
import { hexToBytes } from '@noble/hashes/utils.js';
import { signHandshake } from '../../common/handshake';
import { signerFromSecretKey } from '../../common/identity';
import { signEntry } from '../../common/membership';
import type { RoomSigner } from './provider/room-provider';

/** A room identity over a key given by the benchmark (the app's own goes through main). */
async function benchSigner(secretKeyHex: string): Promise<RoomSigner> {
  const signer = await signerFromSecretKey(hexToBytes(secretKeyHex));
  return { publicKey: signer.publicKey, signHandshake: (t, side) => signHandshake(signer, t, side), signEntry: (fields) => signEntry(signer, fields) };
}

// A window into the editor for end-to-end tests and the collaboration benchmark, present only
// when the page was opened with `probe=1` in its query: the whole model's text (the DOM shows
// only visible lines), the transport's message counts, and stock y-webrtc for side-by-side runs.

export interface CollabProbe {
  editorText(): string | null;
  docText(path: string): string | null;
  clientId(): number;
  stats: typeof transportStats;
  monaco: typeof monaco;
  editor: typeof currentEditor;
  Y: typeof Y;
  WebrtcProvider: typeof WebrtcProvider;
  RoomConnection: typeof RoomConnection;
  Awareness: typeof Awareness;
  benchSigner: typeof benchSigner;
}

declare global {
  interface Window {
    __codecrafterProbe?: CollabProbe;
  }
}

if (new URLSearchParams(location.search).get('probe') === '1') {
  window.__codecrafterProbe = {
    editorText: () => currentEditor()?.getModel()?.getValue() ?? null,
    docText: (path) => documents.text(path)?.toString() ?? null,
    clientId: () => documents.awareness.clientID,
    stats: transportStats,
    monaco,
    editor: currentEditor,
    Y,
    WebrtcProvider,
    RoomConnection,
    Awareness,
    benchSigner,
  };
}
