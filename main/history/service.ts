// The history store behind the host contract: every method takes one plain, untrusted argument,
// validates it with the schema named in HistoryRequests, and returns structured-cloneable data.
// Recording is not here: main starts recorders itself for the docs it owns.
import { HistoryRequests, type FileDiff, type FilesAt, type ResolvedPoint, type SessionInfo, type Timeline } from '../../common/history';
import type { z } from 'zod';
import { HistoryError } from './errors';
import type { Replayer, StoredEvent } from './replayer';
import type { HistoryStore } from './store';

const OPEN_REPLAYS = 4;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new HistoryError('invalid-input', r.error.issues.map((i) => `${i.path.join('.') || '(argument)'}: ${i.message}`).join('; '));
  return r.data;
}

export function createHistoryService(store: HistoryStore) {
  // A few replayers stay open: scrubbing a timeline asks for many points of one session.
  const replays = new Map<string, Replayer>();
  const replay = (sessionId: string): Replayer => {
    let r = replays.get(sessionId);
    if (!r || r.lastSeq !== store.syncSession(sessionId)) {
      r = store.openReplay(sessionId);
      replays.delete(sessionId);
      if (replays.size >= OPEN_REPLAYS) replays.delete(replays.keys().next().value!);
    } else replays.delete(sessionId);
    replays.set(sessionId, r);
    return r;
  };
  const forget = (sessionId: string) => replays.delete(sessionId);

  return {
    listSessions(input: unknown): SessionInfo[] {
      return store.listSessions(parse(HistoryRequests.listSessions, input ?? {}));
    },
    getSession(input: unknown): SessionInfo {
      return store.getSession(parse(HistoryRequests.session, input).sessionId);
    },
    filesAt(input: unknown): FilesAt {
      const { sessionId, at } = parse(HistoryRequests.at, input);
      return replay(sessionId).filesAt(at);
    },
    stateAt(input: unknown): ResolvedPoint & { update: Uint8Array } {
      const { sessionId, at } = parse(HistoryRequests.at, input);
      return replay(sessionId).stateAt(at);
    },
    diff(input: unknown): FileDiff[] {
      const { sessionId, from, to } = parse(HistoryRequests.diff, input);
      return replay(sessionId).diff(from, to);
    },
    timeline(input: unknown): Timeline {
      const { sessionId, ...options } = parse(HistoryRequests.timeline, input);
      return replay(sessionId).timeline(options);
    },
    events(input: unknown): StoredEvent[] {
      const { sessionId, kinds, ...window } = parse(HistoryRequests.events, input);
      return replay(sessionId).events({ ...window, kinds: kinds as StoredEvent['event']['kind'][] | undefined });
    },
    asciicast(input: unknown): string {
      const { sessionId, terminalId } = parse(HistoryRequests.terminal, input);
      return replay(sessionId).asciicast(terminalId);
    },
    createSnapshot(input: unknown): ResolvedPoint & { name: string } {
      const { sessionId, name, at } = parse(HistoryRequests.snapshot, input);
      return replay(sessionId).createSnapshot(name, at ?? 'end');
    },
    listSnapshots(input: unknown): Array<{ name: string; seq: number; createdAt: number }> {
      return replay(parse(HistoryRequests.session, input).sessionId).snapshots();
    },
    fork(input: unknown): SessionInfo {
      const { sessionId, at, title } = parse(HistoryRequests.fork, input);
      return store.forkSession(sessionId, at, { title });
    },
    exportSession(input: unknown): { bytes: number; sha256: string } {
      const { sessionId, file } = parse(HistoryRequests.exportSession, input);
      return store.exportSession(sessionId, file);
    },
    importSession(input: unknown): SessionInfo {
      const { file, newId } = parse(HistoryRequests.importSession, input);
      return store.importSession(file, { newId });
    },
    deleteSession(input: unknown): boolean {
      const { sessionId } = parse(HistoryRequests.session, input);
      forget(sessionId);
      return store.deleteSession(sessionId);
    },
    prune(input: unknown): string[] {
      const ids = store.pruneOlderThan(parse(HistoryRequests.prune, input).olderThanDays);
      ids.forEach(forget);
      return ids;
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
