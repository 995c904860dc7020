import * as Y from 'yjs';
import { z } from 'zod';
import { peerOpPath, type PeerOpRefusal } from '../../common/peer-file-ops';
import { documents } from '../editor/documents';
import { notify } from '../workbench/actions';

// What the host refused of a member's change is said on both sides (issue 8, item 4): the host
// gets a toast, and the room doc's `hostNotices` carries the same words to every member, who
// shows them. Until the signed handshake (common/handshake.ts) ties a peer to a key, a member
// could append here too: a forged notice can only mislead, it writes nothing.

const HostNoticeSchema = z.object({ message: z.string().max(2000), at: z.number() });

/** How many refusals one toast names; the rest are counted. */
const NAMED_REFUSALS = 3;

function hostNotices(doc: Y.Doc = documents.doc): Y.Array<unknown> {
  return doc.getArray('hostNotices');
}

/** One message for a batch of refusals, e.g. `The host kept its disk as it was: ".git/config" is inside ".git"…`. */
export function refusalMessage(refused: PeerOpRefusal[]): string {
  const reasons = [...new Set(refused.map((r) => r.reason))];
  const named = reasons.slice(0, NAMED_REFUSALS).join(' ');
  const more = reasons.length > NAMED_REFUSALS ? ` (and ${reasons.length - NAMED_REFUSALS} more)` : '';
  const paths = refused.length === 1 ? `"${peerOpPath(refused[0]!.op)}"` : `${refused.length} changes`;
  return `Not written to the host's disk: ${paths}. ${named}${more}`;
}

/** Host: say it here and to every member. */
export function reportRefusals(refused: PeerOpRefusal[]): void {
  if (refused.length > 0) noticeToRoom(refusalMessage(refused));
}

/** Host: a notice for the host and, through the doc, every member (those who join later too). */
export function noticeToRoom(message: string): void {
  notify(message, 'warning');
  hostNotices().push([{ message, at: Date.now() }]);
}

/** Member: show what the host says; returns the disposer. */
export function watchHostNotices(): () => void {
  const array = hostNotices();
  const listener = (event: Y.YArrayEvent<unknown>, transaction: Y.Transaction) => {
    if (transaction.local) return;
    for (const item of event.changes.added) {
      for (const value of item.content.getContent()) {
        const parsed = HostNoticeSchema.safeParse(value);
        if (parsed.success) notify(parsed.data.message, 'warning');
      }
    }
  };
  array.observe(listener);
  return () => array.unobserve(listener);
}
