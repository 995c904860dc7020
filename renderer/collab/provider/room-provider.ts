import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Emitter } from '../../../common/event';
import { keyFingerprint } from '../../../common/identity';
import { MembershipLog, type EntryFields, type MembershipEntry } from '../../../common/membership';
import { TxOrigin } from '../../../common/origins';
import { MAX_MESSAGE_BYTES } from '../chunking';
import { createThrottle, type Throttle } from '../throttle';
import { Mesh } from './mesh';
import type { LinkCloseReason, PeerLink, VerifiedPeer } from './peer-link';
import { RoomRoles, type PeerRole } from './roles';
import { filterAwarenessUpdate } from './awareness-filter';
import { PeerUpdateQueue } from './peer-updates';
import { encodeBinaryMessage, encodeJsonMessage, MessageType, readJsonBody } from './wire';
import {
  AppSchema,
  ControlSchema,
  GRANT_LIFETIME_MS,
  type AppHandler,
  type ControlMessage,
  type ProviderStats,
  type RoomEvent,
  type RoomMember,
  type RoomProviderOptions,
} from './room-types';

export type { AdmissionPolicy, ProviderStats, RoomEvent, RoomMember, RoomProviderOptions, RoomSigner } from './room-types';
export { GRANT_LIFETIME_MS } from './room-types';

// The room provider (issue 8, item 3): Yjs sync and awareness over our own WebRTC mesh, with roles
// from the signed membership log enforced by EVERY peer on every direct connection:
// - a peer's sync step 2 and updates are applied only when the log makes its key a writer
//   (owner, admin, editor, interviewer, candidate; only the owner in a read-only room); the rest
//   are dropped and counted, so a viewer's edit reaches no one, not even through a relay;
// - document content (sync step 2, updates) and awareness go only to admitted keys: a knocking
//   peer (verified, no grant) receives membership entries and nothing else;
// - awareness is applied only for the client ids the peer declared in its handshake;
// - owner messages (read-only, end, new secret, removal) count only from the owner's own
//   authenticated connection.
// Membership entries travel as their own messages and merge by union (common/membership.ts).

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** Entries per membership message at most (a room's log is small). */
const MAX_ENTRIES_PER_MESSAGE = 2_000;
/** Membership messages from one peer waiting to be checked, at most (an honest peer sends its log once, then changes). */
const MAX_WAITING_ENTRY_BATCHES = 64;
/** Sync messages held per peer while membership entries are checked (room-provider onSync), at most. */
const MAX_HELD_SYNC_MESSAGES = 1_000;
/** …and their bytes: two messages at the size cap (a whole document's step 2 and more). */
const MAX_HELD_SYNC_BYTES = 2 * MAX_MESSAGE_BYTES;

interface LinkState {
  peer: VerifiedPeer;
  allowedClients: Set<number>;
  /** The role we last acted on, to notice admissions and removals. */
  role: PeerRole;
  /** Whether we applied its updates when we last looked (a promotion asks it for what we lack). */
  writer: boolean;
}

export class RoomProvider {
  readonly stats: ProviderStats = {
    docUpdates: 0,
    docMessages: 0,
    awarenessMessages: 0,
    chunkedMessages: 0,
    undecryptable: 0,
    handshakeFailures: 0,
    droppedUpdates: 0,
    droppedAwareness: 0,
    oversized: 0,
    refusedEntries: 0,
    pendingEntries: 0,
    refusedMessages: 0,
    heldOverflows: 0,
    peerUpdates: 0,
    peerBatches: 0,
  };
  readonly log: MembershipLog;
  readonly roles: RoomRoles;
  readonly mesh: Mesh;
  readonly ready: Promise<void>;
  readOnly = false;
  private selfRole: PeerRole = 'knocking';
  private readonly linkStates = new Map<PeerLink, LinkState>();
  /** Keys this owner turned away for the rest of this room's life in this window. */
  private readonly denied = new Set<string>();
  private readonly throttles: Throttle[] = [];
  private readonly docThrottle: Throttle<Uint8Array>;
  private readonly awarenessThrottle: Throttle<number[]>;
  /** The origin of peers' updates, applied in batches (peer-updates.ts); never relayed. */
  private readonly fromPeers = { from: 'room peers' };
  private readonly peerUpdates: PeerUpdateQueue<PeerLink>;
  private readonly changeEmitter = new Emitter<void>();
  private readonly eventEmitter = new Emitter<RoomEvent>();
  private readonly dropEmitter = new Emitter<string>();
  private readonly appHandlers = new Set<AppHandler>();
  /** Members, knocks, roles or links changed. */
  readonly onDidChange = this.changeEmitter.event;
  readonly onEvent = this.eventEmitter.event;
  /** A peer's sync step 2 or update was dropped (its role may not write): the peer's key. */
  readonly onDidDropUpdate = this.dropEmitter.event;
  private running = false;
  private disposed = false;
  private readonly now: () => number;

  constructor(private readonly options: RoomProviderOptions) {
    this.now = options.now ?? Date.now;
    this.log = new MembershipLog(options.roomId, options.ownerKey);
    this.roles = new RoomRoles(this.log, this.now);
    const batchMs = options.batchMs ?? 10;
    this.docThrottle = createThrottle<Uint8Array>(batchMs, (updates) => {
      this.stats.docMessages++;
      const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      this.broadcast(syncMessage(SYNC_UPDATE, update), (state) => this.roles.admitted(state.peer.key));
    });
    this.awarenessThrottle = createThrottle<number[]>(batchMs * 3, (batches) => {
      this.stats.awarenessMessages++;
      const update = encodeAwarenessUpdate(options.awareness, [...new Set(batches.flat())]);
      this.broadcast(awarenessMessage(update), (state) => this.roles.admitted(state.peer.key));
    });
    this.throttles.push(this.docThrottle, this.awarenessThrottle);
    this.peerUpdates = new PeerUpdateQueue<PeerLink>({
      doc: options.doc,
      origin: this.fromPeers,
      mayWrite: (key) => this.roles.canWrite(key, this.readOnly),
      onDropped: (key) => this.dropUpdate(key),
      onUnreadable: (link, error) => {
        console.warn(`room ${this.options.roomId}: dropped peer ${link.remotePeerId}: unreadable update`, error);
        link.close('malformed', String(error));
      },
      onApplied: (updates) => {
        this.stats.peerUpdates += updates;
        this.stats.peerBatches++;
      },
    });
    this.mesh = new Mesh({
      roomId: options.roomId,
      secret: options.secret,
      signalUrl: options.signalUrl,
      iceServers: options.iceServers,
      PeerConnection: options.PeerConnection,
      identity: { publicKey: options.signer.publicKey, name: options.name, signHandshake: (t, s) => options.signer.signHandshake(t, s) },
      clientIds: () => [options.awareness.clientID],
      onVerified: (link, peer) => this.onVerified(link, peer),
      onMessage: (link, type, decoder) => this.onMessage(link, type, decoder),
      onLinkClosed: (link, reason, detail) => this.onLinkClosed(link, reason, detail),
    });
    this.mesh.onDidChange(() => this.changeEmitter.fire());
    this.ready = Promise.all([this.mesh.ready, this.addEntries(options.entries ?? [], null, false)]).then(() => {
      this.selfRole = this.roles.role(options.signer.publicKey);
    });
  }

  get selfKey(): string {
    return this.options.signer.publicKey;
  }

  get isOwner(): boolean {
    return this.selfKey === this.options.ownerKey;
  }

  role(key = this.selfKey): PeerRole {
    return this.roles.role(key);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    // Updates from a peer are not relayed: everyone has a direct link to everyone (a full mesh),
    // and a relayed update would arrive from us, not from its author.
    if (this.isLink(origin)) return;
    if (!this.options.sendWithoutRole && !this.roles.canWrite(this.selfKey, this.readOnly)) return;
    this.stats.docUpdates++;
    this.docThrottle.push(update);
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (this.isLink(origin)) return;
    const own = [...added, ...updated, ...removed].filter((id) => id === this.options.awareness.clientID);
    if (own.length) this.awarenessThrottle.push(own);
  };

  private isLink(origin: unknown): boolean {
    return origin === this.fromPeers || (typeof origin === 'object' && origin !== null && this.linkStates.has(origin as PeerLink));
  }

  /** Starts looking for peers (again). */
  start(): void {
    if (this.running || this.disposed) return;
    this.running = true;
    this.options.doc.on('update', this.onDocUpdate);
    this.options.awareness.on('update', this.onAwarenessUpdate);
    this.mesh.start();
  }

  /** Closes every link and leaves the signalling topic; edits made meanwhile merge on return. */
  stop(): void {
    if (!this.running) return;
    for (const t of this.throttles) t.flush();
    this.peerUpdates.flush();
    this.running = false;
    this.options.doc.off('update', this.onDocUpdate);
    this.options.awareness.off('update', this.onAwarenessUpdate);
    this.mesh.stop();
  }

  dispose(): void {
    if (this.disposed) return;
    this.stop();
    this.disposed = true;
    for (const t of this.throttles) t.dispose();
    this.peerUpdates.dispose();
    this.mesh.dispose();
    this.changeEmitter.dispose();
    this.eventEmitter.dispose();
    this.dropEmitter.dispose();
    this.appHandlers.clear();
  }

  // ---- links -------------------------------------------------------------------------------------

  private onVerified(link: PeerLink, peer: VerifiedPeer): void {
    if (this.roles.isBanned(peer.key) || this.denied.has(peer.key)) {
      link.close('closed', 'banned or denied');
      return;
    }
    const state: LinkState = { peer, allowedClients: new Set(peer.clientIds), role: this.roles.role(peer.key), writer: this.roles.canWrite(peer.key, this.readOnly) };
    this.linkStates.set(link, state);
    // Everyone verified learns the log, so a knocking peer learns it was admitted.
    const entries = this.log.list();
    if (entries.length) link.send(encodeJsonMessage(MessageType.membership, entries));
    if (this.isOwner) link.send(encodeJsonMessage(MessageType.control, { t: 'state', readOnly: this.readOnly } satisfies ControlMessage));
    if (state.role !== 'knocking') this.startSync(link);
    else this.onKnock(peer);
    this.changeEmitter.fire();
  }

  /** Our sync step 1 and awareness to a peer that is admitted (as soon as we may talk with it). */
  private startSync(link: PeerLink): void {
    if (!this.roles.admitted(this.selfKey) && !this.options.sendWithoutRole) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SYNC_STEP1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.options.doc));
    link.send(encoding.toUint8Array(encoder));
    const own = this.options.awareness.clientID;
    if (this.options.awareness.getLocalState() !== null) link.send(awarenessMessage(encodeAwarenessUpdate(this.options.awareness, [own])));
  }

  private onLinkClosed(link: PeerLink, reason: LinkCloseReason, detail?: string): void {
    this.stats.chunkedMessages += link.chunked;
    if (reason === 'handshake-failed' || reason === 'early-message') {
      this.stats.handshakeFailures++;
      console.warn(`room ${this.options.roomId}: dropped peer ${link.remotePeerId}: ${reason}${detail ? ` (${detail})` : ''}`);
    }
    const state = this.linkStates.get(link);
    if (reason === 'oversized') {
      this.stats.oversized++;
      console.warn(`room ${this.options.roomId}: dropped peer ${link.remotePeerId}: a message over the size cap`);
      this.eventEmitter.fire({ kind: 'oversized', from: state?.peer.name ?? 'A peer' });
    }
    this.linkStates.delete(link);
    if (this.heldPerLink.delete(link)) this.heldSync = this.heldSync.filter((h) => h.link !== link);
    if (state) {
      // Their cursors go now, not after awareness's 30 s timeout, unless another link speaks for them.
      const stillHere = new Set([...this.linkStates.values()].flatMap((s) => [...s.allowedClients]));
      const gone = [...state.allowedClients].filter((id) => !stillHere.has(id) && this.options.awareness.getStates().has(id));
      if (gone.length) removeAwarenessStates(this.options.awareness, gone, TxOrigin.peerClosed);
    }
    this.changeEmitter.fire();
  }

  private broadcast(message: Uint8Array, to: (state: LinkState) => boolean): void {
    for (const [link, state] of this.linkStates) if (to(state)) link.send(message);
  }

  // ---- incoming ----------------------------------------------------------------------------------

  private onMessage(link: PeerLink, type: number, decoder: decoding.Decoder): void {
    const state = this.linkStates.get(link);
    if (!state) return;
    try {
      switch (type) {
        case MessageType.sync:
          return this.onSync(link, state, decoder);
        case MessageType.awareness:
          return this.onAwareness(link, state, decoding.readVarUint8Array(decoder));
        case MessageType.membership:
          return void this.onEntries(link, readJsonBody(decoder));
        case MessageType.app:
          return this.onApp(state, readJsonBody(decoder));
        case MessageType.control:
          return this.onControl(state, readJsonBody(decoder));
        default:
          this.stats.refusedMessages++;
      }
    } catch (error) {
      console.warn(`room ${this.options.roomId}: dropped peer ${state.peer.name} (${keyFingerprint(state.peer.key)}): unreadable message`, error);
      link.close('malformed', String(error));
    }
  }

  private onSync(link: PeerLink, state: LinkState, decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (kind !== SYNC_STEP1 && kind !== SYNC_STEP2 && kind !== SYNC_UPDATE) throw new Error(`unknown sync message ${kind}`);
    // Entries still being checked (signatures verify asynchronously) may change this peer's role:
    // an interview's pad lock learnt on joining takes its right to write, and the grant a peer
    // sends right before its sync step 1 admits it (answered at once, that step 1 was refused and
    // the peer never got our document). Its sync messages wait for the batches that came before
    // them, in order; never for batches that come later, so a stream of batches holds nothing long.
    if (this.entriesDone < this.entriesQueued) {
      // A peer that keeps us checking entries while it sends sync messages is not held without
      // end: past the caps it is dropped, and what it had held goes.
      const held = this.heldPerLink.get(link) ?? { messages: 0, bytes: 0 };
      if (held.messages >= MAX_HELD_SYNC_MESSAGES || held.bytes + payload.length > MAX_HELD_SYNC_BYTES) {
        return this.dropOverflowing(link, `over ${MAX_HELD_SYNC_MESSAGES} sync messages or ${MAX_HELD_SYNC_BYTES / 2 ** 20} MiB while membership entries were checked`);
      }
      this.heldPerLink.set(link, { messages: held.messages + 1, bytes: held.bytes + payload.length });
      this.heldSync.push({ link, key: state.peer.key, kind, payload, after: this.entriesQueued });
      return;
    }
    this.decideSync(link, state.peer.key, kind, payload);
  }

  private decideSync(link: PeerLink, key: string, kind: number, payload: Uint8Array): void {
    if (kind !== SYNC_STEP1) return this.applyPeerUpdate(link, key, payload);
    // Only admitted peers get the document; we answer only while we may send it ourselves.
    if (!this.roles.admitted(key) || (!this.roles.admitted(this.selfKey) && !this.options.sendWithoutRole)) {
      this.stats.refusedMessages++;
      return;
    }
    link.send(syncMessage(SYNC_STEP2, Y.encodeStateAsUpdate(this.options.doc, payload)));
  }

  /** Queues a writer's update for the next batch (peer-updates.ts); a non-writer's is dropped now. */
  private applyPeerUpdate(link: PeerLink, key: string, payload: Uint8Array): void {
    if (!this.roles.canWrite(key, this.readOnly)) return this.dropUpdate(key);
    this.peerUpdates.push({ link, key, payload });
  }

  private dropUpdate(key: string): void {
    this.stats.droppedUpdates++;
    this.dropEmitter.fire(key);
  }

  /** Applies, in order, the held sync messages whose batches are all checked (a prefix: `after` only grows). */
  private releaseHeldSync(): void {
    let ready = 0;
    while (ready < this.heldSync.length && this.heldSync[ready]!.after <= this.entriesDone) ready++;
    for (const { link, key, kind, payload } of this.heldSync.splice(0, ready)) {
      const held = this.heldPerLink.get(link);
      if (held && held.messages > 1) this.heldPerLink.set(link, { messages: held.messages - 1, bytes: held.bytes - payload.length });
      else this.heldPerLink.delete(link);
      if (this.linkStates.has(link)) this.decideSync(link, key, kind, payload);
    }
  }

  private onAwareness(link: PeerLink, state: LinkState, update: Uint8Array): void {
    if (!this.roles.admitted(state.peer.key)) {
      this.stats.droppedAwareness++;
      return;
    }
    const filtered = filterAwarenessUpdate(update, state.allowedClients);
    this.stats.droppedAwareness += filtered.refused;
    if (filtered.update) applyAwarenessUpdate(this.options.awareness, filtered.update, link);
  }

  private async onEntries(link: PeerLink, body: unknown): Promise<void> {
    if (!Array.isArray(body) || body.length > MAX_ENTRIES_PER_MESSAGE) {
      this.stats.refusedEntries++;
      return;
    }
    // Batches wait their turn to be checked; a peer that sends them faster than they can be
    // checked (each signature verified) is dropped rather than queued without end.
    const waiting = this.entryBatches.get(link) ?? 0;
    if (waiting >= MAX_WAITING_ENTRY_BATCHES) return this.dropOverflowing(link, `over ${MAX_WAITING_ENTRY_BATCHES} membership messages waiting to be checked`);
    this.entryBatches.set(link, waiting + 1);
    try {
      await this.addEntries(body, link, true);
    } finally {
      const left = (this.entryBatches.get(link) ?? 1) - 1;
      if (left > 0) this.entryBatches.set(link, left);
      else this.entryBatches.delete(link);
    }
  }

  /** Drops a peer that sent more than we hold for it while entries are checked; says so once. */
  private dropOverflowing(link: PeerLink, why: string): void {
    const peer = this.linkStates.get(link)?.peer;
    this.stats.heldOverflows++;
    console.warn(`room ${this.options.roomId}: dropped peer ${peer ? `${peer.name} (${keyFingerprint(peer.key)})` : link.remotePeerId}: ${why}`);
    link.close('closed', why);
  }

  /** Membership messages from each peer waiting to be checked or being checked. */
  private readonly entryBatches = new Map<PeerLink, number>();

  /**
   * Checks and merges entries; new ones are kept, passed on to the other peers, and acted on.
   * One batch at a time, so roles change once per batch and in the order batches arrived.
   */
  addEntries(values: unknown[], from: PeerLink | null, gossip: boolean): Promise<number> {
    const batch = ++this.entriesQueued;
    const run = this.entryQueue.then(() => this.mergeEntries(values, from, gossip));
    this.entryQueue = run.then(
      () => undefined,
      () => undefined,
    );
    void this.entryQueue.then(() => {
      this.entriesDone = batch;
      this.releaseHeldSync();
    });
    return run;
  }

  private entryQueue: Promise<void> = Promise.resolve();
  /** Membership batches queued and checked so far (in order); sync messages wait for the ones queued before them. */
  private entriesQueued = 0;
  private entriesDone = 0;
  /** Sync messages that came while batches before them were checked; `after`: the last such batch. */
  private heldSync: Array<{ link: PeerLink; key: string; kind: number; payload: Uint8Array; after: number }> = [];
  private readonly heldPerLink = new Map<PeerLink, { messages: number; bytes: number }>();

  private async mergeEntries(values: unknown[], from: PeerLink | null, gossip: boolean): Promise<number> {
    const fresh: MembershipEntry[] = [];
    const problems = new Map<string, number>();
    let pending = 0;
    const sender = from ? this.linkStates.get(from)?.peer : undefined;
    for (const value of values) {
      // What a peer we dropped sent is not worth checking any more (its batches may be queued).
      if (from && !this.linkStates.has(from)) break;
      const result = await this.log.add(value, this.now());
      if (result.kind === 'refused') {
        this.stats.refusedEntries++;
        problems.set(result.problem, (problems.get(result.problem) ?? 0) + 1);
        // A peer passes on only entries it checked itself, and a signature checks the same
        // everywhere: one that fails comes from a peer making them up, to keep us verifying.
        if (result.problem === 'bad-signature' && from) from.close('closed', 'sent a membership entry whose signature fails');
      } else if (result.kind === 'pending') {
        // Honest peers pass on only entries their log kept, after the grant that lets the log keep them.
        this.stats.pendingEntries++;
        pending++;
      } else if (result.kind === 'added') fresh.push(...result.entries);
    }
    if (problems.size || pending) {
      // One line per batch: a peer sending thousands of bad entries does not write thousands of lines.
      const counts = [...problems].map(([problem, n]) => `${problem} x${n}`).join(', ');
      const refused = problems.size ? `refused ${counts}` : '';
      const aside = pending ? `held aside ${pending} (issuer not an admin)` : '';
      const dropped = problems.has('bad-signature') && from ? '; dropped it' : '';
      console.warn(`room ${this.options.roomId}: membership entries${sender ? ` from ${sender.name} (${keyFingerprint(sender.key)})` : ''}: ${[refused, aside].filter(Boolean).join('; ')}${dropped}`);
    }
    if (fresh.length === 0) return 0;
    this.roles.invalidate();
    this.options.onEntries?.(fresh);
    if (gossip) this.passOn(fresh, from);
    this.applyRoles();
    return fresh.length;
  }

  /**
   * Fresh entries go to our other links before we act on them, so a peer they admit has them
   * before our sync step 1 (which it would refuse without them). Entries from a peer are not passed
   * to a member they remove, nor by a member they remove: both ends of that link drop it at once,
   * and a message sent into a link its other end is closing crashed the Node WebRTC binding the
   * test peers run (@roamhq/wrtc 0.10.0 RTCDataChannel::Send dereferences the channel its
   * signalling thread has just released; hostile-peers.test.ts lost the friend at a ban). Our own
   * entries still go to the member they remove: that is how it learns it was removed.
   */
  private passOn(fresh: MembershipEntry[], from: PeerLink | null): void {
    const relayed = from !== null;
    if (relayed && this.removedByLog(this.selfKey, this.selfRole)) return;
    const message = encodeJsonMessage(MessageType.membership, fresh);
    for (const [link, state] of this.linkStates) {
      if (link === from || (relayed && this.removedByLog(state.peer.key, state.role))) continue;
      link.send(message);
    }
  }

  /** Whether the log as merged now bans `key` or takes away the role it had (`before`). */
  private removedByLog(key: string, before: PeerRole): boolean {
    return this.roles.isBanned(key) || (before !== 'knocking' && this.roles.role(key) === 'knocking');
  }

  /** Acts on role changes: admitted peers get the document, removed ones are dropped. */
  private applyRoles(): void {
    const self = this.roles.role(this.selfKey);
    const selfBefore = this.selfRole;
    this.selfRole = self;
    for (const [link, state] of [...this.linkStates]) {
      const role = this.roles.role(state.peer.key);
      const before = state.role;
      state.role = role;
      if (this.roles.isBanned(state.peer.key)) {
        link.close('closed', 'banned');
        continue;
      }
      if (before !== 'knocking' && role === 'knocking') {
        link.close('closed', 'membership revoked');
        continue;
      }
      if (before === 'knocking' && role !== 'knocking') {
        this.startSync(link);
        state.writer = this.roles.canWrite(state.peer.key, this.readOnly);
      } else this.resyncIfWriter(link, state);
    }
    if (selfBefore === 'knocking' && self !== 'knocking') {
      for (const link of this.linkStates.keys()) if (this.roles.admitted(this.linkStates.get(link)!.peer.key)) this.startSync(link);
      this.eventEmitter.fire({ kind: 'admitted', role: self });
    } else if (selfBefore !== 'knocking' && self === 'knocking') {
      this.eventEmitter.fire({ kind: 'removed', reason: this.roles.isBanned(this.selfKey) ? 'banned' : 'kicked' });
    }
    this.changeEmitter.fire();
  }

  /**
   * A peer that may write now but could not before (promoted, or the room no longer read-only)
   * may hold edits we dropped, which its later updates build on: our sync step 1 asks for them.
   */
  private resyncIfWriter(link: PeerLink, state: LinkState): void {
    const writer = this.roles.canWrite(state.peer.key, this.readOnly);
    if (writer && !state.writer) this.startSync(link);
    state.writer = writer;
  }

  private onApp(state: LinkState, body: unknown): void {
    const app = AppSchema.safeParse(body);
    if (!app.success || !this.roles.admitted(state.peer.key) || !this.roles.admitted(this.selfKey)) {
      this.stats.refusedMessages++;
      return;
    }
    const from = this.memberFor(state);
    for (const handler of [...this.appHandlers]) handler(app.data.topic, app.data.payload, from);
  }

  private onControl(state: LinkState, body: unknown): void {
    const control = ControlSchema.safeParse(body);
    if (!control.success || state.peer.key !== this.options.ownerKey) {
      this.stats.refusedMessages++;
      return;
    }
    const message = control.data;
    if (message.t === 'state') {
      if (this.readOnly !== message.readOnly) this.setReadOnlyState(message.readOnly);
    } else if (message.t === 'end') this.eventEmitter.fire({ kind: 'ended' });
    else if (message.t === 'rekey') {
      this.mesh.rekey(message.secret);
      this.eventEmitter.fire({ kind: 'rekeyed', secret: message.secret });
    } else this.eventEmitter.fire({ kind: 'removed', reason: message.reason });
  }

  // ---- knocking and the owner's actions (admission.ts builds on these) --------------------------

  private onKnock(peer: VerifiedPeer): void {
    const policy = this.options.admission ?? 'knock';
    if (this.isOwner && policy !== 'knock') {
      void this.grant(peer.key, policy).catch((error: unknown) => console.warn(`room ${this.options.roomId}: could not admit ${peer.name}`, error));
    }
  }

  /**
   * Signs entries as this user and merges them as one batch, sent to every peer as one message:
   * a role change (a new grant and the old role's revocation) never shows a moment without a role.
   */
  async issue(...fields: EntryFields[]): Promise<MembershipEntry[]> {
    const entries: MembershipEntry[] = [];
    for (const f of fields) entries.push(await this.options.signer.signEntry(f));
    await this.addEntries(entries, null, true);
    return entries;
  }

  grantFields(key: string, role: Exclude<PeerRole, 'knocking' | 'owner'>): EntryFields {
    const now = this.now();
    return { type: 'grant', roomId: this.options.roomId, subject: key, role, issuedAt: now, expiresAt: now + GRANT_LIFETIME_MS };
  }

  revokeFields(key: string, role: Exclude<PeerRole, 'knocking' | 'owner'> | 'all'): EntryFields {
    return { type: 'revoke', roomId: this.options.roomId, subject: key, role, issuedAt: this.now() };
  }

  async grant(key: string, role: Exclude<PeerRole, 'knocking' | 'owner'>): Promise<void> {
    await this.issue(this.grantFields(key, role));
  }

  async revoke(key: string, role: Exclude<PeerRole, 'knocking' | 'owner'> | 'all'): Promise<void> {
    await this.issue(this.revokeFields(key, role));
  }

  /** Tells one peer (by key) an owner message, then, for removals, closes its links. */
  sendControl(message: ControlMessage, to?: (key: string) => boolean): void {
    const wire = encodeJsonMessage(MessageType.control, message);
    for (const [link, state] of this.linkStates) if (!to || to(state.peer.key)) link.send(wire);
    if (message.t === 'state' && message.readOnly !== this.readOnly) this.setReadOnlyState(message.readOnly);
  }

  private setReadOnlyState(on: boolean): void {
    this.readOnly = on;
    for (const [link, state] of this.linkStates) this.resyncIfWriter(link, state);
    this.eventEmitter.fire({ kind: 'read-only', on });
    this.changeEmitter.fire();
  }

  /** Closes every link to `key` and keeps it out for the rest of this room in this window. */
  turnAway(key: string): void {
    this.denied.add(key);
    for (const [link, state] of [...this.linkStates]) if (state.peer.key === key) link.close('closed', 'turned away');
    this.changeEmitter.fire();
  }

  /** A new room secret: our own signalling uses it from now on, and the invite shown changes. */
  rekeyLocally(secret: string): void {
    this.mesh.rekey(secret);
    this.eventEmitter.fire({ kind: 'rekeyed', secret });
  }

  // ---- what the UI and the RoomChannel see -------------------------------------------------------

  private memberFor(state: LinkState): RoomMember {
    return { key: state.peer.key, fingerprint: keyFingerprint(state.peer.key), name: state.peer.name, role: this.roles.role(state.peer.key), clientIds: [...state.allowedClients], self: false };
  }

  /** Connected, verified peers (admitted or knocking), one per key. */
  peers(): RoomMember[] {
    const byKey = new Map<string, RoomMember>();
    for (const state of this.linkStates.values()) byKey.set(state.peer.key, this.memberFor(state));
    return [...byKey.values()];
  }

  /** This window and every connected peer, with roles from the log. */
  members(): RoomMember[] {
    const self: RoomMember = { key: this.selfKey, fingerprint: keyFingerprint(this.selfKey), name: this.options.name, role: this.role(), clientIds: [this.options.awareness.clientID], self: true };
    return [self, ...this.peers()];
  }

  /** Which member speaks for an awareness client id (roles shown come from the log, not awareness). */
  memberOfClient(clientId: number): RoomMember | null {
    if (clientId === this.options.awareness.clientID) return this.members()[0]!;
    for (const state of this.linkStates.values()) if (state.allowedClients.has(clientId)) return this.memberFor(state);
    return null;
  }

  /** Links whose peer passed the handshake (admitted or not). */
  get verifiedLinks(): number {
    return this.linkStates.size;
  }

  sendApp(topic: string, payload: unknown, to?: string): void {
    if (!this.roles.admitted(this.selfKey)) return;
    const wire = encodeJsonMessage(MessageType.app, { topic, payload });
    this.broadcast(wire, (state) => this.roles.admitted(state.peer.key) && (to === undefined || state.peer.key === to));
  }

  /** sendApp to every admitted peer (or `to`), but not over a link with more than `maxBacklogBytes` queued; returns the keys skipped. */
  sendAppLossy(topic: string, payload: unknown, maxBacklogBytes: number, to?: string): string[] {
    if (!this.roles.admitted(this.selfKey)) return [];
    const wire = encodeJsonMessage(MessageType.app, { topic, payload });
    const skipped: string[] = [];
    for (const [link, state] of this.linkStates) {
      if (!this.roles.admitted(state.peer.key) || (to !== undefined && state.peer.key !== to)) continue;
      if (link.pendingBytes > maxBacklogBytes) skipped.push(state.peer.key);
      else link.send(wire);
    }
    return skipped;
  }

  onApp$(handler: AppHandler): () => void {
    this.appHandlers.add(handler);
    return () => this.appHandlers.delete(handler);
  }

  flush(): void {
    for (const t of this.throttles) t.flush();
  }
}

function syncMessage(kind: number, payload: Uint8Array): Uint8Array {
  return encodeBinaryMessage(MessageType.sync, (encoder) => {
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  return encodeBinaryMessage(MessageType.awareness, (encoder) => encoding.writeVarUint8Array(encoder, update));
}
