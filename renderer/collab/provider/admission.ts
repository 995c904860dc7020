import { randomToken, SECRET_CHARS } from '../../../common/invite';
import type { GrantableRole } from '../../../common/membership';
import type { RoomProvider } from './room-provider';

// The owner's (and admins') door (issue 8, item 5): admit a knocking peer, deny, kick, ban,
// promote, demote, read-only, end. Roles change only through signed membership entries, which
// every peer checks and enforces; the rest are owner messages over the owner's authenticated
// connections (room-provider.ts onControl).

export class RoomAdmin {
  constructor(private readonly provider: RoomProvider) {}

  /** Lets a knocking peer in: a grant signed by this user (main holds the key). */
  async admit(key: string, role: 'editor' | 'viewer'): Promise<void> {
    await this.provider.grant(key, role);
  }

  /** Turns a knocking peer away: it is told, disconnected, and not let back in while this room lasts here. */
  deny(key: string): void {
    this.provider.sendControl({ t: 'removed', reason: 'denied' }, (k) => k === key);
    this.provider.turnAway(key);
  }

  /** Takes a member's roles away (signed revocations every peer enforces) and disconnects it. */
  async kick(key: string): Promise<void> {
    const role = this.provider.role(key);
    if (role === 'knocking' || role === 'owner') return this.deny(key);
    // Every role the log granted it, not only the highest: a kicked editor is not left a viewer.
    const granted = new Set(this.provider.log.list().flatMap((e) => (e.type === 'grant' && e.subject === key ? [e.role] : [])));
    await this.provider.issue(...[...granted].map((r) => this.provider.revokeFields(key, r)));
    this.provider.sendControl({ t: 'removed', reason: 'kicked' }, (k) => k === key);
    this.provider.turnAway(key);
  }

  /**
   * A ban: a revocation of every role for good, and a new room secret sent only to the members
   * who remain, over their authenticated connections; the banned peer's secret no longer opens
   * the room's signalling. Returns the new secret (the invite changes with it).
   */
  async ban(key: string): Promise<string> {
    await this.provider.revoke(key, 'all');
    this.provider.sendControl({ t: 'removed', reason: 'banned' }, (k) => k === key);
    this.provider.turnAway(key);
    const secret = randomToken(SECRET_CHARS);
    this.provider.sendControl({ t: 'rekey', secret }, (k) => k !== key && this.provider.roles.admitted(k));
    this.provider.rekeyLocally(secret);
    return secret;
  }

  /** Gives a member another role: the new grant and the old role's revocation, in one batch. */
  async setRole(key: string, role: GrantableRole): Promise<void> {
    const current = this.provider.role(key);
    if (current === role || current === 'owner') return;
    const grant = this.provider.grantFields(key, role);
    await this.provider.issue(...(current === 'knocking' ? [grant] : [grant, this.provider.revokeFields(key, current)]));
  }

  /** Only the owner writes while the room is read-only (every peer drops the others' updates). */
  setReadOnly(on: boolean): void {
    this.provider.sendControl({ t: 'state', readOnly: on });
  }

  /** Tells every peer the room ends (they stop looking for it). */
  end(): void {
    this.provider.sendControl({ t: 'end' });
  }
}
