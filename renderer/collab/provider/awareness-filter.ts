import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// Awareness is accepted from a connection only for the client ids its peer declared in the
// handshake (issue 8): otherwise anyone could move someone else's cursor, rename them, or claim
// their place. An awareness update is `count, (clientID, clock, state JSON)*` (y-protocols).

export interface FilteredAwareness {
  update: Uint8Array | null;
  refused: number;
}

/** Keeps the entries for `allowed` client ids; throws on bytes that are not an awareness update. */
export function filterAwarenessUpdate(update: Uint8Array, allowed: ReadonlySet<number>): FilteredAwareness {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<[number, number, string]> = [];
  let refused = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (allowed.has(clientId)) kept.push([clientId, clock, state]);
    else refused++;
  }
  if (kept.length === 0) return { update: null, refused };
  if (refused === 0) return { update, refused };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, state] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return { update: encoding.toUint8Array(encoder), refused };
}
