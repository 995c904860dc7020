import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { filterAwarenessUpdate } from './awareness-filter';

function stateOf(clientId: number, name: string): Awareness {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name } });
  return awareness;
}

describe('awareness by declared client id', () => {
  it('keeps the declared client ids, drops and counts the others', () => {
    const mine = stateOf(7, 'Me');
    const theirs = stateOf(9, 'Someone else');
    // One update holding both states, as a relay or a forger would send it.
    const both = new Awareness(new Y.Doc());
    const states = new Map([...mine.getStates(), ...theirs.getStates()]);
    const meta = new Map([...mine.meta, ...theirs.meta]);
    Object.assign(both, { states, meta });
    const update = encodeAwarenessUpdate(both, [7, 9]);

    const result = filterAwarenessUpdate(update, new Set([7]));
    expect(result.refused).toBe(1);
    const receiver = new Awareness(new Y.Doc());
    applyAwarenessUpdate(receiver, result.update!, 'test');
    expect(receiver.getStates().get(7)).toEqual({ user: { name: 'Me' } });
    expect(receiver.getStates().has(9)).toBe(false);

    expect(filterAwarenessUpdate(update, new Set([42]))).toEqual({ update: null, refused: 2 });
    expect(filterAwarenessUpdate(update, new Set([7, 9])).update).toBe(update);
  });
});
