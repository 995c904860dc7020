import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { createThrottle, type Throttle } from './throttle';
import { installChunking } from './chunking';
import { SignalBackoff, type ReconnectingSocket } from './signal-backoff';
import { TxOrigin } from '../../common/origins';
import { Emitter } from '../../common/event';

// THE peer transport of a room (issue 4): every WebRTC provider is made here and nowhere else, so
// per-peer roles (DESIGN.md section 4: a handshake before any document traffic, viewers' updates
// dropped per connection) have one place to go. Never the library's network defaults: our
// signalling URL, the room secret as password, and the ICE servers given explicitly.

export interface RoomConnectionOptions {
  roomId: string;
  secret: string;
  signalUrl: string;
  /** STUN/TURN servers; [] on a LAN or loopback. */
  iceServers: RTCIceServer[];
  doc: Y.Doc;
  awareness: Awareness;
  /**
   * Updates that arrive within this many milliseconds of the last message sent are merged into
   * one message (the first of a burst still goes at once, so a lone keystroke is not delayed).
   */
  batchMs?: number;
  /** A WebRTC implementation for peers outside a browser (Node: @roamhq/wrtc). */
  wrtc?: unknown;
}

export type ConnectionPhase = 'connecting' | 'online' | 'offline' | 'ended' | 'closed';

export interface ConnectionStatus {
  phase: ConnectionPhase;
  /** Peers with an open data channel. */
  peers: number;
  /** Whether the signalling server is reachable. */
  signalling: boolean;
  /** Failed attempts to reach the signalling server since it was last reached. */
  signallingFailures: number;
  /** Milliseconds until the next attempt, or null when none is scheduled. */
  retryInMs: number | null;
}

export interface TransportStats {
  docUpdates: number;
  docMessages: number;
  awarenessMessages: number;
  chunkedMessages: number;
  /** Signalling messages that did not decrypt with our secret: someone in the topic with a wrong one. */
  undecryptable: number;
}

// What y-webrtc keeps on its room object; not in its typings, read here only.
interface WebrtcRoomInternals {
  _docUpdateHandler: (update: Uint8Array, origin: unknown) => void;
  _awarenessUpdateHandler: (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void;
  webrtcConns: Map<string, { peer: unknown; connected: boolean }>;
}

export class RoomConnection {
  readonly stats: TransportStats = { docUpdates: 0, docMessages: 0, awarenessMessages: 0, chunkedMessages: 0, undecryptable: 0 };
  readonly ready: Promise<void>;
  private readonly provider: WebrtcProvider;
  private readonly statusEmitter = new Emitter<ConnectionStatus>();
  private readonly throttles: Throttle[] = [];
  private offline = false;
  private closed = false;
  private ended = false;
  private readonly backoffs = new Map<ReconnectingSocket, SignalBackoff>();
  /** Our awareness state, kept across going offline (y-webrtc clears it on disconnect). */
  private savedAwareness: Record<string, unknown> | null = null;
  private readonly poll: ReturnType<typeof setInterval>;
  /**
   * y-webrtc decrypts each signalling message with the room key and leaves a failure unhandled:
   * a message from someone holding a wrong secret is expected here, counted, and not an app error.
   */
  private readonly onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    if (reason instanceof Error && reason.name === 'OperationError') {
      event.preventDefault();
      this.stats.undecryptable++;
    }
  };

  constructor(private readonly options: RoomConnectionOptions) {
    this.provider = new WebrtcProvider(options.roomId, options.doc, {
      signaling: [options.signalUrl],
      password: options.secret,
      awareness: options.awareness,
      // A full mesh: rooms are small (DESIGN.md section 7), so everyone connects to everyone.
      maxConns: 64,
      filterBcConns: true,
      peerOpts: { config: { iceServers: options.iceServers }, ...(options.wrtc ? { wrtc: options.wrtc } : {}) },
    });
    this.provider.on('peers', (event: { added: string[]; removed: string[] }) => {
      const room = this.room();
      for (const id of event.added) {
        const conn = room?.webrtcConns.get(id);
        if (conn) installChunking(conn.peer, () => this.stats.chunkedMessages++);
      }
      if (event.removed.length) this.forgetPeers(event.removed);
      this.emit();
    });
    this.watchSignalling();
    this.ready = Promise.resolve(this.provider.key).then(() => this.batchTraffic());
    // The signalling socket's state has no event of its own in y-webrtc; a slow poll keeps the UI honest.
    this.poll = setInterval(() => this.emit(), 1000);
    globalThis.addEventListener?.('unhandledrejection', this.onRejection);
  }

  /**
   * A peer whose connection closed is gone (issue 11): its awareness goes now, not after the
   * 30 s awareness timeout. Each peer names its signalling peer id in its awareness state.
   */
  private forgetPeers(peerIds: string[]): void {
    const gone = new Set(peerIds);
    const awareness = this.options.awareness;
    const ids = [...awareness.getStates()]
      .filter(([clientId, state]) => clientId !== awareness.clientID && typeof state.peerId === 'string' && gone.has(state.peerId))
      .map(([clientId]) => clientId);
    if (ids.length) removeAwarenessStates(awareness, ids, TxOrigin.peerClosed);
  }

  /** Puts our backoff on each signalling socket y-webrtc made (a new one after going online again). */
  private watchSignalling(): void {
    for (const socket of this.provider.signalingConns as unknown as ReconnectingSocket[]) {
      if (!this.backoffs.has(socket)) this.backoffs.set(socket, new SignalBackoff(socket, () => this.emit()));
    }
  }

  private stopBackoffs(): void {
    for (const backoff of this.backoffs.values()) backoff.stop();
    this.backoffs.clear();
  }

  /** The user asked to reach the signalling server now instead of waiting. */
  retryNow(): void {
    for (const backoff of this.backoffs.values()) backoff.retryNow();
  }

  /** y-webrtc opens its room once the key is derived; then wrap its senders with batching. */
  private batchTraffic(): void {
    const room = this.room();
    if (!room || this.closed) return;
    // Peers drop our awareness when our connection to them closes; they find us by this id.
    if (this.options.awareness.getLocalState() !== null) this.options.awareness.setLocalStateField('peerId', (room as unknown as { peerId: string }).peerId);
    const batchMs = this.options.batchMs ?? 10;
    const doc = this.options.doc;
    const sendDoc = room._docUpdateHandler;
    const docThrottle = createThrottle<Uint8Array>(batchMs, (updates) => {
      this.stats.docMessages++;
      sendDoc(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), null);
    });
    const sendAwareness = room._awarenessUpdateHandler;
    const awarenessThrottle = createThrottle<number[]>(batchMs * 3, (batches) => {
      this.stats.awarenessMessages++;
      sendAwareness({ added: [], updated: [...new Set(batches.flat())], removed: [] }, null);
    });
    this.throttles.push(docThrottle, awarenessThrottle);
    const wasOn = !this.offline;
    doc.off('update', sendDoc);
    room._docUpdateHandler = (update) => {
      this.stats.docUpdates++;
      docThrottle.push(update);
    };
    if (wasOn) doc.on('update', room._docUpdateHandler);
    this.options.awareness.off('update', sendAwareness);
    room._awarenessUpdateHandler = ({ added, updated, removed }) => awarenessThrottle.push([...added, ...updated, ...removed]);
    if (wasOn) this.options.awareness.on('update', room._awarenessUpdateHandler);
  }

  private room(): WebrtcRoomInternals | null {
    return this.provider.room as unknown as WebrtcRoomInternals | null;
  }

  status(): ConnectionStatus {
    const room = this.room();
    const peers = room ? [...room.webrtcConns.values()].filter((c) => c.connected).length : 0;
    const signalling = this.provider.signalingConns.some((c) => c.connected);
    const phase: ConnectionPhase = this.closed
      ? 'closed'
      : this.ended
        ? 'ended'
        : this.offline
          ? 'offline'
          : signalling || peers > 0
            ? 'online'
            : 'connecting';
    let signallingFailures = 0;
    let retryAt: number | null = null;
    if (!signalling && !this.offline && !this.ended) {
      for (const backoff of this.backoffs.values()) {
        const { failures, nextAttemptAt } = backoff.state();
        signallingFailures = Math.max(signallingFailures, failures);
        if (nextAttemptAt !== null) retryAt = Math.min(retryAt ?? nextAttemptAt, nextAttemptAt);
      }
    }
    return { phase, peers, signalling, signallingFailures, retryInMs: retryAt === null ? null : Math.max(0, retryAt - Date.now()) };
  }

  readonly onDidChange = this.statusEmitter.event;

  private emit(): void {
    this.statusEmitter.fire(this.status());
  }

  /** Drops every peer and the signalling socket; edits made meanwhile merge on return. */
  goOffline(): void {
    if (this.offline || this.closed) return;
    for (const t of this.throttles) t.flush();
    this.savedAwareness = this.options.awareness.getLocalState();
    this.offline = true;
    this.stopBackoffs();
    this.provider.disconnect();
    this.emit();
  }

  goOnline(): void {
    if (!this.offline || this.closed) return;
    this.offline = false;
    this.provider.connect();
    this.watchSignalling();
    // y-webrtc removed our awareness state when it disconnected: put it back so peers see us again.
    if (this.savedAwareness && this.options.awareness.getLocalState() === null) this.options.awareness.setLocalState(this.savedAwareness);
    this.emit();
  }

  /**
   * The host ended the room: no more attempts to reach its signalling server, and no peers to look
   * for. The doc stays as it is, so the guest still reads (and can keep) what was shared.
   */
  markEnded(): void {
    if (this.ended || this.closed) return;
    this.ended = true;
    this.stopBackoffs();
    // y-webrtc removes our own awareness state on disconnect; this window still lists itself.
    const own = this.options.awareness.getLocalState();
    this.provider.disconnect();
    if (own && this.options.awareness.getLocalState() === null) this.options.awareness.setLocalState(own);
    this.emit();
  }

  get isOffline(): boolean {
    return this.offline;
  }

  destroy(): void {
    if (this.closed) return;
    for (const t of this.throttles) t.flush();
    for (const t of this.throttles) t.dispose();
    this.closed = true;
    this.stopBackoffs();
    clearInterval(this.poll);
    globalThis.removeEventListener?.('unhandledrejection', this.onRejection);
    this.provider.destroy();
    this.emit();
    this.statusEmitter.dispose();
  }
}
