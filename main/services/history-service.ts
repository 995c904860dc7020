import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { Contract } from '../../common/contract';
import { LOCAL_AUTHOR, type HistoryLive, type HistoryPushed, type HistoryStored } from '../../common/contract-history';
import { ErrorCode, HostError } from '../../common/errors';
import type { HistoryEvent } from '../../common/history';
import { applySyncMessage, decodeSyncMessage, SyncMessageType, syncStep1Message, syncStep2Message, type SyncMessage } from '../../common/history-sync';
import { workspacePathProblem } from '../../common/paths';
import type { ImplOf } from '../../common/rpc';
import {
  createHistoryService as createHistoryQueries,
  HistoryStore,
  type HistoryStorage,
  type RecorderOptions,
  type SessionRecorder,
} from '../history';
import { historyToHostError } from '../history/host-errors';
import type { HistoryRetentionStore } from '../store/history-retention';
import type { WorkspaceService } from '../workspace/workspace-service';
import type { RunRecording } from './run-service';
import { getLogger } from '../log/log-service';

// The history use cases (issue 5, moved out of the host adapter by issue 12): the recording
// lifecycle of the open workspace, the mirror doc the renderer's updates are applied to,
// retention and pruning, fork, export and import. One live recording at a time: the open
// workspace's. The renderer syncs its doc with the mirror doc the SessionRecorder is attached to
// through y-protocols' sync messages (common/history-sync.ts), so the log on disk is main's and
// survives a renderer or host crash. Reopening a folder continues its latest session (a new one
// starts only for a folder with none), so the timeline of a workspace is one story and the log
// restores its unsaved edits.
// Errors are HistoryError or HostError; main/host/history-handlers.ts maps them to the contract.

const log = getLogger('history');

/** What the host feeds into the recording besides the renderer's pushes. */
export interface HistoryHooks extends RunRecording {
  terminalOpened(id: string, cols: number, rows: number): void;
  terminalResized(id: string, cols: number, rows: number): void;
  terminalData(id: string, data: string): void;
}

type HistoryImpl = ImplOf<Contract>['history'];
/** The contract's history methods without the transport's call context: what the service offers. */
export type HistoryApi = { [K in keyof HistoryImpl]: (arg: Parameters<HistoryImpl[K]>[0]) => ReturnType<HistoryImpl[K]> };

export interface HistoryService extends HistoryApi {
  readonly hooks: HistoryHooks;
  dispose(): void;
}

export interface HistoryServiceDeps {
  /** Where sessions are kept (SQLite in the app, memory in some tests); its owner closes it after dispose(). */
  storage: HistoryStorage;
  /** Recorder settings (flush interval, keyframes) when not the defaults. */
  recorder?: RecorderOptions;
  workspace: Pick<WorkspaceService, 'info' | 'root' | 'writeNewFolder'>;
  retention: Pick<HistoryRetentionStore, 'get' | 'set'>;
  /** Where exports are written (<data dir>/exports). */
  exportDir: string;
  /** Called after each commit of the live recording. */
  onStored(stored: HistoryStored): void;
}

interface PushOrigin {
  author?: string;
  time: number;
}

interface Live {
  /** The folder recorded, or null for a room guest's recording (no folder). */
  root: string | null;
  workspaceId: string;
  recorder: SessionRecorder;
  doc: Y.Doc;
  terminals: Set<string>;
  /** The recorder sent its SyncStep1 for the gap it has now: it asks once, not after every push. */
  askedToFillGap: boolean;
  release: () => void;
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The renderer's SyncStep1, checked before anything starts. */
function readSyncStep1(base64: string): SyncMessage {
  let message: SyncMessage;
  try {
    message = decodeSyncMessage(Buffer.from(base64, 'base64'));
    if (message.type === SyncMessageType.SyncStep1) Y.decodeStateVector(message.payload);
  } catch (error) {
    throw new HostError(ErrorCode.InvalidArgument, `syncStep1 is not a y-protocols sync message (${reasonOf(error)}).`);
  }
  if (message.type !== SyncMessageType.SyncStep1) {
    throw new HostError(ErrorCode.InvalidArgument, `begin takes the window's SyncStep1 (message type ${SyncMessageType.SyncStep1}), not a message of type ${message.type}.`);
  }
  return message;
}

/** The answer to a window's SyncStep1: what it lacks, then what the recorder has (y-protocols' server order). */
function answerSyncStep1(doc: Y.Doc, step1: SyncMessage): string[] {
  return [toBase64(syncStep2Message(doc, step1.payload)), toBase64(syncStep1Message(doc))];
}

const PRUNE_EVERY_MS = 6 * 3_600_000;
/** Terminal output is stored in pieces of at most this many characters (HistoryEventSchema's limit). */
const TERMINAL_PIECE = 500_000;

export function workspaceIdOf(root: string): string {
  return `folder:${root}`;
}

export function createHistoryService(deps: HistoryServiceDeps): HistoryService {
  const { workspace, retention } = deps;
  const store = new HistoryStore(deps.storage, { recorder: deps.recorder });
  const queries = createHistoryQueries(store);
  const terminalSizes = new Map<string, { cols: number; rows: number }>();
  let live: Live | null = null;

  const prune = (): number => {
    const { days } = retention.get();
    return days === null ? 0 : queries.prune({ olderThanDays: days }).length;
  };
  // A failed prune keeps everything; the next one tries again.
  const safePrune = () => {
    try {
      prune();
    } catch (error) {
      log.warn({ err: error }, 'pruning old history failed; will try again');
    }
  };
  safePrune();
  const pruneTimer = setInterval(safePrune, PRUNE_EVERY_MS);
  pruneTimer.unref();

  const endLive = (): HistoryStored | null => {
    if (!live) return null;
    const ended = live;
    live = null;
    ended.release();
    const durableSeq = ended.recorder.close();
    ended.doc.destroy();
    return { sessionId: ended.recorder.sessionId, durableSeq };
  };

  /** The live recording, if it still belongs to the open folder (a folder switch ends it). */
  const current = (): Live | null => {
    if (live && (workspace.info()?.root ?? null) !== live.root) endLive();
    return live;
  };

  const begin = ({ roomId, title, syncStep1 }: Parameters<HistoryApi['begin']>[0]): HistoryLive => {
    const step1 = readSyncStep1(syncStep1);
    const root = workspace.info()?.root ?? null;
    if (root === null && !roomId) workspace.root(); // throws the usual "open a folder first"
    const workspaceId = root !== null ? workspaceIdOf(root) : `room:${roomId!}`;
    if (current()?.workspaceId !== workspaceId) endLive();
    const active = live as Live | null;
    if (active) {
      return {
        sessionId: active.recorder.sessionId,
        sync: answerSyncStep1(active.doc, step1),
        durableSeq: active.recorder.durableSeq,
        resumed: true,
      };
    }
    const latest = store.listSessions({ workspaceId })[0];
    const doc = new Y.Doc();
    let recorder: SessionRecorder;
    if (latest) {
      Y.applyUpdate(doc, store.openReplay(latest.id).stateAt('end').update);
      recorder = store.resumeSession(latest.id);
    } else {
      const sessionTitle = root !== null ? path.basename(root) || root : (title ?? `Room ${roomId!.slice(0, 6)}`);
      recorder = store.startSession({ workspaceId, kind: root !== null ? 'solo' : 'room', title: sessionTitle });
    }
    const detach = recorder.attach(doc, {
      authorOf: (origin) => (origin as PushOrigin | null)?.author,
      timeOf: (origin) => (origin as PushOrigin | null)?.time,
    });
    const stopDurable = recorder.onDurable((durableSeq) => deps.onStored({ sessionId: recorder.sessionId, durableSeq }));
    live = { root, workspaceId, recorder, doc, terminals: new Set(), askedToFillGap: false, release: () => (stopDurable(), detach()) };
    return {
      sessionId: recorder.sessionId,
      sync: answerSyncStep1(doc, step1),
      durableSeq: recorder.durableSeq,
      resumed: Boolean(latest),
    };
  };

  const push = ({ sessionId, messages, events }: Parameters<HistoryApi['push']>[0]): HistoryPushed => {
    const active = current();
    if (!active || active.recorder.sessionId !== sessionId) {
      throw new HostError(ErrorCode.Unavailable, 'This recording has ended (the folder was closed or changed); start it again.');
    }
    const sync: string[] = [];
    for (const [i, pushed] of messages.entries()) {
      const refuse = (what: string, error: unknown) =>
        new HostError(ErrorCode.InvalidArgument, `Message ${i} of the push ${what} (${reasonOf(error)}); the messages before it were recorded.`);
      let message: SyncMessage;
      try {
        message = decodeSyncMessage(Buffer.from(pushed.data, 'base64'));
      } catch (error) {
        throw refuse('is not a y-protocols sync message', error);
      }
      const origin: PushOrigin = { author: pushed.author, time: pushed.time };
      try {
        const answer = applySyncMessage(active.doc, message, origin);
        if (answer) sync.push(toBase64(answer));
      } catch (error) {
        throw refuse('does not hold a Yjs update this recording can apply', error);
      }
    }
    for (const e of events) active.recorder.recordEvent(e);
    // Updates whose predecessors never came (a push was lost) wait in the mirror doc: the
    // recorder's SyncStep1 asks the window for everything beyond what it has, once per gap (the
    // window may lack them too, in a room, and then they come as updates when it gets them).
    const { pendingStructs, pendingDs } = active.doc.store;
    if (pendingStructs === null && pendingDs === null) active.askedToFillGap = false;
    else if (!active.askedToFillGap) {
      active.askedToFillGap = true;
      sync.push(toBase64(syncStep1Message(active.doc)));
    }
    return { lastSeq: active.recorder.lastSeq, sync };
  };

  const record = (event: HistoryEvent) => {
    const active = current();
    if (!active) return;
    try {
      active.recorder.recordEvent(event);
    } catch (error) {
      // The recording may have closed under us (a folder switch): the event is dropped, not the host.
      log.warn({ err: error, workspaceId: active.workspaceId, kind: event.kind }, 'a history event was dropped');
    }
  };

  const openTerminal = (active: Live, id: string) => {
    if (active.terminals.has(id)) return;
    active.terminals.add(id);
    const size = terminalSizes.get(id) ?? { cols: 80, rows: 24 };
    active.recorder.recordEvent({ kind: 'terminal-open', terminalId: id, width: size.cols, height: size.rows });
  };

  const hooks: HistoryHooks = {
    runStarted: (runId, language, entry) =>
      record({ kind: 'run-start', author: LOCAL_AUTHOR, runId, language, entry: workspacePathProblem(entry) ? undefined : entry }),
    runEnded: (result) =>
      record({
        kind: 'run-end',
        author: LOCAL_AUTHOR,
        runId: result.runId,
        verdict: result.verdict,
        exitCode: result.exitCode,
        wallMs: result.wallMs,
        cpuMs: result.cpuMs ?? undefined,
        memoryBytes: result.peakMemoryKb === null ? undefined : result.peakMemoryKb * 1024,
      }),
    terminalOpened(id, cols, rows) {
      terminalSizes.set(id, { cols, rows });
      const active = current();
      if (active) openTerminal(active, id);
    },
    terminalResized(id, cols, rows) {
      terminalSizes.set(id, { cols, rows });
      const active = current();
      if (active?.terminals.has(id)) record({ kind: 'terminal-resize', terminalId: id, width: cols, height: rows });
    },
    terminalData(id, data) {
      const active = current();
      if (!active) return;
      openTerminal(active, id);
      for (let i = 0; i < data.length; i += TERMINAL_PIECE) {
        record({ kind: 'terminal-data', terminalId: id, stream: 'o', data: data.slice(i, i + TERMINAL_PIECE) });
      }
    },
  };

  return {
    hooks,
    begin,
    end: endLive,
    flush: () => {
      const active = current();
      return active ? { sessionId: active.recorder.sessionId, durableSeq: active.recorder.flush() } : null;
    },
    push,

    listSessions: (arg) => {
      const info = workspace.info();
      return arg?.allWorkspaces || !info ? queries.listSessions({}) : queries.listSessions({ workspaceId: workspaceIdOf(info.root) });
    },
    timeline: ({ sessionId }) => queries.timeline({ sessionId }),
    filesAt: ({ sessionId, at }) => queries.filesAt({ sessionId, at }),
    diff: ({ sessionId, from, to }) => queries.diff({ sessionId, from, to }),
    events: ({ sessionId, kinds }) => queries.events({ sessionId, kinds }).map(({ seq, time, event }) => ({ seq, time, event })),
    asciicast: ({ sessionId, terminalId }) => queries.asciicast({ sessionId, terminalId }),
    createSnapshot: ({ sessionId, name, at }) => {
      const { seq, time } = queries.createSnapshot({ sessionId, name, at });
      return { name, seq, time };
    },
    listSnapshots: ({ sessionId }) => queries.listSnapshots({ sessionId }),
    /** The fork goes into a new folder (written through the WorkspaceService), and its history into a session keyed by that folder. */
    async fork({ sessionId, at, folder }) {
      const { files } = queries.filesAt({ sessionId, at });
      const entries = Object.fromEntries(Object.entries(files).filter(([p]) => !workspacePathProblem(p)));
      const { root, written } = await workspace.writeNewFolder(folder, entries);
      // Its history belongs to the new folder, not to the parent's workspace.
      const fork = store.forkSession(sessionId, at, { title: path.basename(root), workspaceId: workspaceIdOf(root) });
      return { sessionId: fork.id, folder: root, files: written };
    },
    exportSession: ({ sessionId }) => {
      mkdirSync(deps.exportDir, { recursive: true, mode: 0o700 }); // private, as the data folder (issue 11)
      const name = `session-${sessionId.slice(0, 8)}.ccsession`;
      const file = path.join(deps.exportDir, name);
      const { bytes, sha256 } = queries.exportSession({ sessionId, file });
      return { path: file, name, bytes, sha256, data: readFileSync(file).toString('base64') };
    },
    importSession: ({ name, data }) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-import-'));
      try {
        const file = path.join(dir, 'session.ccsession');
        writeFileSync(file, Buffer.from(data, 'base64'));
        try {
          return queries.importSession({ file, newId: true });
        } catch (error) {
          throw historyToHostError(error, `Cannot import "${name}" (nothing was imported)`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    deleteSession: ({ sessionId }) => {
      if (live?.recorder.sessionId === sessionId) {
        throw new HostError(ErrorCode.PermissionDenied, 'This session is being recorded: close the folder first.');
      }
      return queries.deleteSession({ sessionId });
    },
    getRetention: () => retention.get(),
    setRetention: ({ days }) => {
      retention.set(days);
      return { days, pruned: prune() };
    },
    dispose() {
      clearInterval(pruneTimer);
      endLive();
    },
  };
}
