// The history store's queries behind the host contract. Arguments are typed, not re-parsed: the
// contract's schemas (common/contract-history.ts) validate every request once, at the boundary
// (the dispatcher), and the types here are derived from those schemas (issue 12).
// Recording is not here: main starts recorders itself for the docs it owns.
import type { historyContract } from '../../common/contract-history';
import type { FileDiff, FilesAt, ReplayPoint, ResolvedPoint, SessionInfo, Timeline } from '../../common/history';
import type { MethodArg } from '../../common/rpc';
import type { Replayer, StoredEvent } from './replayer';
import type { HistoryStore } from './store';

const OPEN_REPLAYS = 4;

type Arg<M extends keyof typeof historyContract> = NonNullable<MethodArg<(typeof historyContract)[M]>>;
type SessionArg = Arg<'timeline'>;

/** What main itself asks, beyond the contract's arguments (paths come from main, never a peer). */
export interface TimelineOptions {
  spanGapMs?: number;
  idleGapMs?: number;
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
    listSessions(filter: { workspaceId?: string } = {}): SessionInfo[] {
      return store.listSessions(filter);
    },
    getSession({ sessionId }: SessionArg): SessionInfo {
      return store.getSession(sessionId);
    },
    filesAt({ sessionId, at }: Arg<'filesAt'>): FilesAt {
      return replay(sessionId).filesAt(at);
    },
    stateAt({ sessionId, at }: Arg<'filesAt'>): ResolvedPoint & { update: Uint8Array } {
      return replay(sessionId).stateAt(at);
    },
    diff({ sessionId, from, to }: Arg<'diff'>): FileDiff[] {
      return replay(sessionId).diff(from, to);
    },
    timeline({ sessionId, ...options }: SessionArg & TimelineOptions): Timeline {
      return replay(sessionId).timeline(options);
    },
    events({ sessionId, kinds, ...window }: { sessionId: string; kinds?: Arg<'events'>['kinds']; fromTime?: number; toTime?: number }): StoredEvent[] {
      return replay(sessionId).events({ ...window, kinds });
    },
    asciicast({ sessionId, terminalId }: Arg<'asciicast'>): string {
      return replay(sessionId).asciicast(terminalId);
    },
    createSnapshot({ sessionId, name, at }: Omit<Arg<'createSnapshot'>, 'at'> & { at?: ReplayPoint }): ResolvedPoint & { name: string } {
      return replay(sessionId).createSnapshot(name, at ?? 'end');
    },
    listSnapshots({ sessionId }: SessionArg): Array<{ name: string; seq: number; createdAt: number }> {
      return replay(sessionId).snapshots();
    },
    fork({ sessionId, at, title }: { sessionId: string; at: ReplayPoint; title?: string }): SessionInfo {
      return store.forkSession(sessionId, at, { title });
    },
    exportSession({ sessionId, file }: { sessionId: string; file: string }): { bytes: number; sha256: string } {
      return store.exportSession(sessionId, file);
    },
    importSession({ file, newId }: { file: string; newId?: boolean }): SessionInfo {
      return store.importSession(file, { newId });
    },
    deleteSession({ sessionId }: SessionArg): boolean {
      forget(sessionId);
      return store.deleteSession(sessionId);
    },
    prune({ olderThanDays }: { olderThanDays: number }): string[] {
      const ids = store.pruneOlderThan(olderThanDays);
      ids.forEach(forget);
      return ids;
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
