import { entryId, type MemberRole, type MembershipLog, type MembershipView } from '../../../common/membership';

// The roles the membership log gives (common/membership.ts membershipView), as every peer enforces
// them per connection: who may send document content, who may receive it. Never from awareness.

export type PeerRole = MemberRole | 'knocking';

/** Roles whose sync step 2 and updates are applied. Viewers and knocking peers are not among them. */
const WRITERS: ReadonlySet<PeerRole> = new Set<PeerRole>(['owner', 'admin', 'editor', 'interviewer', 'candidate']);
/** Roles that may admit others (sign grants) and so see knocks. */
const ADMITTERS: ReadonlySet<PeerRole> = new Set<PeerRole>(['owner', 'admin']);

/** The view is recomputed when the log changes, and at least this often (grants expire). */
const VIEW_TTL_MS = 5_000;

export class RoomRoles {
  private view: MembershipView | null = null;
  private viewAt = 0;

  constructor(
    readonly log: MembershipLog,
    private readonly now: () => number = Date.now,
  ) {}

  /** The log changed: the next question recomputes. */
  invalidate(): void {
    this.view = null;
  }

  current(): MembershipView {
    const now = this.now();
    if (!this.view || now - this.viewAt > VIEW_TTL_MS) {
      this.view = this.log.view(now);
      this.viewAt = now;
    }
    return this.view;
  }

  role(key: string): PeerRole {
    return this.current().roles.get(key) ?? 'knocking';
  }

  /** A counted ban (`revoke all`) names the key: it never comes back into this room. */
  isBanned(key: string): boolean {
    const ignored = this.current().ignored;
    return this.log.list().some((e) => e.type === 'revoke' && e.role === 'all' && e.subject === key && !ignored.has(entryId(e)));
  }

  admitted(key: string): boolean {
    return this.role(key) !== 'knocking';
  }

  /** May this key's document changes be applied? A read-only room leaves only the owner writing. */
  canWrite(key: string, readOnly: boolean): boolean {
    const role = this.role(key);
    return WRITERS.has(role) && (!readOnly || role === 'owner');
  }

  canAdmit(key: string): boolean {
    return ADMITTERS.has(this.role(key));
  }
}
