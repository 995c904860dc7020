import { signalHost, type Invite } from '../../common/invite';
import { documents } from '../editor/documents';
import { workbench } from '../state/store';
import { ask, saveFile } from '../workbench/actions';
import { isGuest } from './room-mode';

// Joining a room from a link asks first (issue 8 item 8): a codecrafter:// link from the OS, or
// the browser host's /join address, must not put anyone into a stranger's room, nor drop the
// folder they were working in with its unsaved edits.

/** What the dialog says about an invite: the room, who invites (as the invite says), the signalling host. */
export function describeInvite(invite: Invite): string {
  const who = invite.inviter
    ? `The invite says it comes from ${invite.inviter.name} (key fingerprint ${invite.inviter.fingerprint}); compare the fingerprint with theirs if you can.`
    : 'The invite does not say who sent it.';
  return `Room ${invite.roomId}. ${who} Signalling server: ${signalHost(invite.signalUrl)}. Only join rooms from people you know.`;
}

/** Asks whether to join the room of this invite; true for Join. */
export async function confirmJoin(invite: Invite): Promise<boolean> {
  return (await ask('Join this room?', describeInvite(invite), [{ id: 'join', label: 'Join', primary: true }])) === 'join';
}

/** Files whose edits are not on disk: what leaving this folder would lose. */
export function unsavedFiles(): string[] {
  // A guest's edits live in the room, not on a disk of its own: leaving loses nothing of theirs.
  if (isGuest()) return [];
  return [...documents.files.keys()].filter((path) => documents.isDirty(path));
}

/**
 * Before a join closes the open folder: Save all, Discard or Cancel, as closing a file does.
 * Resolves true when the join may go on (saved, discarded, or nothing unsaved).
 */
export async function settleUnsavedEdits(saveShared: () => Promise<number>): Promise<boolean> {
  const unsaved = unsavedFiles();
  if (unsaved.length === 0) return true;
  const names = unsaved.slice(0, 5).join(', ') + (unsaved.length > 5 ? ` and ${unsaved.length - 5} more` : '');
  const choice = await ask(
    'Save your changes before joining?',
    `Joining closes ${workbench.get().workspace?.name ?? 'the open folder'}. Unsaved: ${names}. Your changes will be lost if you don't save them.`,
    [
      { id: 'save', label: 'Save All', primary: true },
      { id: 'discard', label: "Don't Save", danger: true },
    ],
  );
  if (choice === 'cancel') return false;
  if (choice === 'discard') return true;
  // A hosted room's files go through the host write policy (session.saveSharedFiles).
  if (workbench.get().collab.room?.role === 'owner') await saveShared();
  else for (const path of unsaved) await saveFile(path);
  // A save that failed was reported by saveFile; the join waits for the user to decide again.
  return unsavedFiles().length === 0;
}
