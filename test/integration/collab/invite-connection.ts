import wrtc from '@roamhq/wrtc';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { parseInvite, signalUrlWithToken } from '../../../common/invite';
import { RoomConnection } from '../../../renderer/collab/room-connection';
import { roomSigner } from './room-signer';

// A Node peer joining an app's room from its invite text, with a fresh identity, over real WebRTC
// (@roamhq/wrtc) and the app's own transport: the candidate in the e2e tests and the typists of
// the rooms bench.

export async function connectFromInvite(
  text: string,
  name: string,
  options: { doc: Y.Doc; awareness: Awareness; sendWithoutRole?: boolean },
): Promise<{ connection: RoomConnection; publicKey: string }> {
  const parsed = parseInvite(text);
  if (!parsed.ok || !parsed.invite.ownerKey || !parsed.invite.salt) throw new Error(`not an invite: ${parsed.ok ? 'no owner key' : parsed.problem}`);
  const invite = parsed.invite;
  const signer = await roomSigner();
  const connection = new RoomConnection({
    roomId: invite.roomId,
    secret: invite.secret,
    signalUrl: signalUrlWithToken(invite),
    iceServers: [],
    doc: options.doc,
    awareness: options.awareness,
    signer,
    name,
    ownerKey: invite.ownerKey!,
    salt: invite.salt!,
    PeerConnection: wrtc.RTCPeerConnection as unknown as typeof RTCPeerConnection,
    ...(options.sendWithoutRole ? { sendWithoutRole: true } : {}),
  });
  return { connection, publicKey: signer.publicKey };
}

/** Leaves the room and ends this peer's process shortly after (its last messages go first). */
export function leaveAndExit(connection: RoomConnection, doc: Y.Doc): void {
  connection.destroy();
  doc.destroy();
  setTimeout(() => process.exit(0), 100);
}
