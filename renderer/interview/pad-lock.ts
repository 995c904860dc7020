import type { Event } from '../../common/event';
import type { EntryFields, MembershipEntry, MembershipLog } from '../../common/membership';
import type { PeerRole, RoomRoles } from '../collab/provider/roles';

// The pad lock, enforced at every honest peer (issue 9). The clock's `locked` flag only makes the
// candidate's own editor read-only; a modified client would type on. So while the pad is locked
// the interviewer (the room's owner) makes every candidate a viewer in the room's signed
// membership log, and makes each one what it was again on unlock. Every peer, the host's included,
// already drops a viewer's sync step 2 and updates (collab/provider/room-provider.ts), and the
// host writes to disk only what its document took, so the candidate's edits reach no document
// and no disk. Why the log and not a flag in the clock's messages:
// - a hostile candidate cannot undo it: only the owner's signature grants 'candidate' (an admin's
//   at most 'editor'), and a grant the candidate replays is voided by the later revocation;
// - message loss cannot lose it: the log merges by union, travels whole on every new connection
//   and is kept on disk by every member, so a peer that was away, reconnects or joins later
//   enforces the lock as soon as it talks to anyone, and no peer depends on the clock's message;
// - the candidate's own window sees its role change and makes its editor read-only too.
// Unlocking opens the pad to the candidate's copy as it is: Yjs cannot take a writer's later
// edits without its earlier ones, so whatever a modified client typed while locked comes in at
// the unlock (an honest one typed nothing: its editor was read-only).

/** The roles a locked pad takes writing from; the owner, admins and interviewers keep theirs. */
const LOCKABLE_ROLES: ReadonlySet<PeerRole> = new Set<PeerRole>(['candidate', 'editor']);
type LockableRole = 'candidate' | 'editor';

function lockable(role: PeerRole | undefined): role is LockableRole {
  return role !== undefined && LOCKABLE_ROLES.has(role);
}

/** What the pad lock needs of a room: the provider (collab/provider/room-provider.ts) is one. */
export interface LockableRoom {
  readonly selfKey: string;
  readonly isOwner: boolean;
  readonly roles: Pick<RoomRoles, 'current'>;
  readonly log: Pick<MembershipLog, 'list'>;
  issue(...fields: EntryFields[]): Promise<MembershipEntry[]>;
  grantFields(key: string, role: LockableRole | 'viewer'): EntryFields;
  revokeFields(key: string, role: LockableRole | 'viewer'): EntryFields;
  peers(): Array<{ key: string; name: string; fingerprint: string }>;
  /** Members, roles or links changed. */
  readonly onDidChange: Event<void>;
  /** A peer's sync step 2 or update was dropped (its role may not write), with the peer's key. */
  readonly onDidDropUpdate: Event<string>;
}

export interface PadLockEvents {
  /** A locked candidate's edit arrived and was dropped: said once per lock. */
  onDropped(member: { key: string; name: string; fingerprint: string }): void;
  /** Locking someone who came in while the pad was locked failed (a call to setLocked rejects instead). */
  onError(error: unknown): void;
}

export class PadLock {
  private locked = false;
  /** Keys this lock made viewers, with the role each gets back on unlock. */
  private readonly demoted = new Map<string, LockableRole>();
  private toldDrop = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly disposers: Array<() => void>;

  constructor(
    private readonly room: LockableRoom,
    private readonly events: PadLockEvents,
  ) {
    this.disposers = [
      // Someone admitted (or given a writing role by an admin) while the pad is locked is locked too.
      room.onDidChange(() => {
        if (this.locked && this.newcomers().length > 0) this.enqueue(() => this.demote()).catch((error: unknown) => events.onError(error));
      }),
      room.onDidDropUpdate((key) => this.onDropped(key)),
    ];
  }

  get isLocked(): boolean {
    return this.locked;
  }

  /**
   * Locks or unlocks the candidates' pads: signed entries, merged here and sent to every peer.
   * Resolves once they are in this window's log; only the owner can sign them (else a no-op).
   */
  setLocked(locked: boolean): Promise<void> {
    if (locked === this.locked) return this.queue;
    this.locked = locked;
    if (locked) this.toldDrop = false;
    return this.enqueue(() => (locked ? this.demote() : this.restore()));
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Members with a role the lock takes writing from that this lock has not demoted yet. */
  private newcomers(): Array<[string, LockableRole]> {
    const out: Array<[string, LockableRole]> = [];
    for (const [key, role] of this.room.roles.current().roles) {
      if (key !== this.room.selfKey && lockable(role) && !this.demoted.has(key)) out.push([key, role]);
    }
    return out;
  }

  private async demote(): Promise<void> {
    if (!this.locked || !this.room.isOwner) return;
    const targets = this.newcomers();
    if (targets.length === 0) return;
    const fields: EntryFields[] = [];
    for (const [key] of targets) {
      const viewer = this.room.grantFields(key, 'viewer');
      // Every writing role the log granted it, not only the highest, or a lower one would remain.
      const held = new Set(this.room.log.list().flatMap((e) => (e.type === 'grant' && e.subject === key && lockable(e.role) ? [e.role] : [])));
      for (const role of held) fields.push({ ...this.room.revokeFields(key, role), issuedAt: viewer.issuedAt });
      // The viewer grant in the same batch: the candidate is never left without a role (which would disconnect it).
      fields.push(viewer);
    }
    await this.room.issue(...fields);
    for (const [key, role] of targets) this.demoted.set(key, role);
  }

  private async restore(): Promise<void> {
    if (!this.room.isOwner || this.demoted.size === 0) return;
    const roles = this.room.roles.current().roles;
    const entries = this.room.log.list();
    const fields: EntryFields[] = [];
    for (const [key, role] of this.demoted) {
      // The owner gave it another role by hand meanwhile: that choice stands.
      if (roles.get(key) !== 'viewer') continue;
      // A grant at or before the revocation of its role would be void (ties go to the revocation).
      const revokedAt = Math.max(0, ...entries.flatMap((e) => (e.type === 'revoke' && e.subject === key && e.role === role ? [e.issuedAt] : [])));
      const grant = this.room.grantFields(key, role);
      const issuedAt = Math.max(grant.issuedAt, revokedAt + 1);
      fields.push({ ...grant, issuedAt }, { ...this.room.revokeFields(key, 'viewer'), issuedAt });
    }
    if (fields.length > 0) await this.room.issue(...fields);
    this.demoted.clear();
  }

  private onDropped(key: string): void {
    if (!this.locked || this.toldDrop || !this.demoted.has(key)) return;
    this.toldDrop = true;
    const peer = this.room.peers().find((p) => p.key === key);
    this.events.onDropped({ key, name: peer?.name ?? 'The candidate', fingerprint: peer?.fingerprint ?? '' });
  }
}
