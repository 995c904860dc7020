import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeSyncMessage, readSyncMessage, SyncMessageType, syncStep1Message, updateMessage } from './history-sync';

describe('history sync messages', () => {
  it('are y-protocols messages: what y-protocols reads, and read from what it writes', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const other = new Y.Doc();
    // Our SyncStep1, read by y-protocols, is answered with everything; the answer applied by us.
    const reply = encoding.createEncoder();
    expect(syncProtocol.readSyncMessage(decoding.createDecoder(syncStep1Message(other)), reply, doc, null)).toBe(SyncMessageType.SyncStep1);
    expect(readSyncMessage(other, encoding.toUint8Array(reply), 'test')).toBeNull();
    expect(other.getText('t').toString()).toBe('hello');
    // y-protocols' SyncStep1 is answered by us with a SyncStep2 it applies.
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, new Y.Doc());
    const answer = readSyncMessage(doc, encoding.toUint8Array(step1), 'test')!;
    const third = new Y.Doc();
    syncProtocol.readSyncMessage(decoding.createDecoder(answer), encoding.createEncoder(), third, null);
    expect(third.getText('t').toString()).toBe('hello');
    expect(decodeSyncMessage(updateMessage(Y.encodeStateAsUpdate(doc)))).toEqual({ type: SyncMessageType.Update, payload: Y.encodeStateAsUpdate(doc) });
  });

  it('refuses bytes that are not one whole message, saying why', () => {
    // A payload past the end: lib0 checks it against the message, not the buffer behind it.
    const view = new Uint8Array([2, 9, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).subarray(0, 4);
    expect(() => decodeSyncMessage(view)).toThrow(/no type and payload/);
    expect(() => decodeSyncMessage(new Uint8Array([2, 1, 0, 0]))).toThrow(/1 extra byte/);
    expect(() => decodeSyncMessage(new Uint8Array([3, 0]))).toThrow(/unknown message type 3/);
    expect(() => decodeSyncMessage(new Uint8Array([]))).toThrow(/no type and payload/);
  });

  it('throws when an update cannot be applied, where y-protocols logs and goes on', () => {
    const garbage = updateMessage(Uint8Array.from('not a yjs update at all', (c) => c.charCodeAt(0)));
    expect(() => readSyncMessage(new Y.Doc(), garbage, 'test')).toThrow();
  });
});
