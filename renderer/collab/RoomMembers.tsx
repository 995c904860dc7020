import { useState } from 'react';
import { useWorkbench } from '../state/store';
import { notify } from '../workbench/actions';
import { ADMISSION_POLICIES, saveAdmissionPolicy, savedAdmissionPolicy } from './admission-policy';
import type { AdmissionPolicy, RoomMember } from './provider/room-provider';
import { roomAdmin } from './session';

// Who is in the room, with the role the membership log gives each key (never what a peer's
// awareness claims), the knock prompt for the owner and admins, and the owner's actions
// (issue 8, item 5). Every action is a signed entry or an owner message (provider/admission.ts).

/** Before sharing: who may come in without asking. */
export function AdmissionChoice() {
  const [policy, setPolicy] = useState<AdmissionPolicy>(savedAdmissionPolicy());
  return (
    <label>
      Who may join
      <select
        value={policy}
        onChange={(e) => {
          const next = e.target.value as AdmissionPolicy;
          setPolicy(next);
          saveAdmissionPolicy(next);
        }}
      >
        {ADMISSION_POLICIES.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}

async function act(what: string, action: () => Promise<unknown> | unknown): Promise<void> {
  try {
    await action();
  } catch (error) {
    console.error(`room: ${what} failed`, error);
    notify(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function KnockPrompt({ member }: { member: RoomMember }) {
  const admin = roomAdmin();
  if (!admin) return null;
  return (
    <li className="collab-knock" role="group" aria-label={`${member.name} asks to join`}>
      <div>
        <strong>{member.name}</strong> asks to join. Key fingerprint: <code aria-label="Fingerprint">{member.fingerprint}</code>
      </div>
      <div className="collab-row">
        <button className="primary" onClick={() => void act('Admitting', () => admin.admit(member.key, 'editor'))}>
          Admit as editor
        </button>
        <button onClick={() => void act('Admitting', () => admin.admit(member.key, 'viewer'))}>Admit as viewer</button>
        <button className="danger" onClick={() => void act('Denying', () => admin.deny(member.key))}>
          Deny
        </button>
      </div>
    </li>
  );
}

function MemberActions({ member, selfRole }: { member: RoomMember; selfRole: string }) {
  const admin = roomAdmin();
  if (!admin || member.self || member.role === 'owner') return null;
  const owner = selfRole === 'owner';
  // Admins manage editors and viewers only (common/membership.ts); the owner manages everyone.
  if (!owner && !(selfRole === 'admin' && (member.role === 'editor' || member.role === 'viewer'))) return null;
  return (
    <span className="collab-row" role="group" aria-label={`Actions for ${member.name}`}>
      {member.role === 'viewer' && <button onClick={() => void act('Promoting', () => admin.setRole(member.key, 'editor'))} aria-label={`Make ${member.name} an editor`}>Promote</button>}
      {member.role === 'editor' && owner && <button onClick={() => void act('Promoting', () => admin.setRole(member.key, 'admin'))} aria-label={`Make ${member.name} an admin`}>Make admin</button>}
      {(member.role === 'editor' || member.role === 'admin') && (
        <button onClick={() => void act('Demoting', () => admin.setRole(member.key, member.role === 'admin' ? 'editor' : 'viewer'))} aria-label={`Demote ${member.name}`}>
          Demote
        </button>
      )}
      <button onClick={() => void act('Removing', () => admin.kick(member.key))} aria-label={`Remove ${member.name}`}>
        Kick
      </button>
      {owner && (
        <button className="danger" onClick={() => void act('Banning', () => admin.ban(member.key))} aria-label={`Ban ${member.name}`}>
          Ban
        </button>
      )}
    </span>
  );
}

export function RoomMembers() {
  const members = useWorkbench((s) => s.collab.members);
  const selfRole = useWorkbench((s) => s.collab.selfRole) ?? 'knocking';
  const readOnly = useWorkbench((s) => s.collab.readOnly);
  const canAdmit = selfRole === 'owner' || selfRole === 'admin';
  const knocking = members.filter((m) => !m.self && m.role === 'knocking');
  const inside = members.filter((m) => m.self || m.role !== 'knocking');
  return (
    <div className="collab-section">
      {selfRole === 'knocking' && (
        <p className="notice" role="status" aria-label="Admission">
          Waiting for the owner to let you in. Your key fingerprint is <code>{members.find((m) => m.self)?.fingerprint}</code>: the owner sees it.
        </p>
      )}
      {canAdmit && knocking.length > 0 && (
        <ul className="collab-knocks" aria-label="Asking to join">
          {knocking.map((m) => (
            <KnockPrompt key={m.key} member={m} />
          ))}
        </ul>
      )}
      <h3>Members</h3>
      <ul className="collab-members" aria-label="Members">
        {inside.map((m) => (
          <li key={m.key} aria-label={`${m.name}${m.self ? ' (you)' : ''}, ${m.role}`} data-role={m.role}>
            <span className="collab-name">
              {m.name}
              {m.self ? ' (you)' : ''}
            </span>{' '}
            <span className={`collab-role collab-role-${m.role}`}>{m.role}</span>{' '}
            <code className="collab-fingerprint" title="Key fingerprint: compare it with the person to know it is them">
              {m.fingerprint}
            </code>
            <MemberActions member={m} selfRole={selfRole} />
          </li>
        ))}
      </ul>
      {selfRole === 'owner' && (
        <label className="collab-row">
          <input type="checkbox" checked={readOnly} onChange={(e) => roomAdmin()?.setReadOnly(e.target.checked)} />
          Read-only room (only you edit)
        </label>
      )}
      {selfRole !== 'owner' && readOnly && <p className="notice">The owner made the room read-only.</p>}
    </div>
  );
}
