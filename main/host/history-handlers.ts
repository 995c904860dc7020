import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { contract, type Contract } from '../../common/contract';
import { LOCAL_AUTHOR, type HistoryRetention, type HistoryStored } from '../../common/contract-history';
import { ErrorCode, HostError } from '../../common/errors';
import type { HistoryEvent, ReplayPoint } from '../../common/history';
import { workspacePathProblem } from '../../common/paths';
import { serviceEmitter, type ImplOf } from '../../common/rpc';
import type { RunResult } from '../../common/sandbox';
import { createHistoryService, HistoryError, HistoryStore, type SessionRecorder } from '../history';
import type { AreaHandlers, HostContext } from './host-context';
import { getLogger } from '../log/log-service';

const log = getLogger('history');

// The history service behind the contract (issue 5). One live recording at a time: the open
// workspace's. The renderer streams its doc's updates here; they are applied to a mirror doc the
// SessionRecorder is attached to, so the log on disk is main's and survives a renderer or host
// crash. Reopening a folder continues its latest session (a new one starts only for a folder
// with none), so the timeline of a workspace is one story and the log restores its unsaved edits.

/** What the host feeds into the recording besides the renderer's pushes. */
export interface HistoryHooks {
  runStarted(runId: string, language: string, entry: string): void;
  runEnded(result: RunResult): void;
  terminalOpened(id: string, cols: number, rows: number): void;
  terminalResized(id: string, cols: number, rows: number): void;
  terminalData(id: string, data: string): void;
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
  release: () => void;
}

const RETENTION_FILE = 'history-retention.json';
const PRUNE_EVERY_MS = 6 * 3_600_000;
/** Terminal output is stored in pieces of at most this many characters (HistoryEventSchema's limit). */
const TERMINAL_PIECE = 500_000;

export function workspaceIdOf(root: string): string {
  return `folder:${root}`;
}

function toHostError(error: unknown, context?: string): unknown {
  if (!(error instanceof HistoryError)) return error;
  const prefix = context ? `${context}: ` : '';
  switch (error.code) {
    case 'not-found':
      return new HostError(ErrorCode.NotFound, `${prefix}${error.message}`);
    case 'conflict':
      return new HostError(ErrorCode.AlreadyExists, `${prefix}${error.message}`);
    case 'closed':
      return new HostError(ErrorCode.Unavailable, `${prefix}the history database is closed.`);
    default:
      return new HostError(ErrorCode.InvalidArgument, `${prefix}${error.message}`, { historyCode: error.code });
  }
}

function guard<A extends unknown[], R>(fn: (...args: A) => R, context?: string): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      throw toHostError(error, context);
    }
  };
}

export function createHistoryHandlers(ctx: HostContext): AreaHandlers<ImplOf<Contract>['history']> & { hooks: HistoryHooks } {
  const store = HistoryStore.open(path.join(ctx.dataDir, 'history.sqlite'));
  const service = createHistoryService(store);
  const emit = serviceEmitter(ctx.hub, contract, 'history');
  const terminalSizes = new Map<string, { cols: number; rows: number }>();
  const retentionFile = path.join(ctx.dataDir, RETENTION_FILE);
  let live: Live | null = null;

  const readRetention = (): HistoryRetention => {
    try {
      const days = (JSON.parse(readFileSync(retentionFile, 'utf8')) as { days?: unknown }).days;
      return { days: typeof days === 'number' && Number.isInteger(days) && days >= 1 ? days : null };
    } catch (error) {
      // No retention file yet is the default (keep everything); anything else is worth a line.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn({ err: error, file: retentionFile }, 'could not read the history retention; keeping everything');
      return { days: null };
    }
  };
  const prune = (): number => {
    const { days } = readRetention();
    return days === null ? 0 : store.pruneOlderThan(days).length;
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
    if (live && (ctx.workspace.info()?.root ?? null) !== live.root) endLive();
    return live;
  };

  const begin = (arg?: { roomId?: string; title?: string }) => {
    const root = ctx.workspace.info()?.root ?? null;
    if (root === null && !arg?.roomId) ctx.workspace.root(); // throws the usual "open a folder first"
    const workspaceId = root !== null ? workspaceIdOf(root) : `room:${arg!.roomId!}`;
    if (current()?.workspaceId !== workspaceId) endLive();
    const active = live as Live | null;
    if (active) {
      return {
        sessionId: active.recorder.sessionId,
        state: Buffer.from(Y.encodeStateAsUpdate(active.doc)).toString('base64'),
        stateVector: Buffer.from(Y.encodeStateVector(active.doc)).toString('base64'),
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
      const title = root !== null ? path.basename(root) || root : (arg?.title ?? `Room ${arg!.roomId!.slice(0, 6)}`);
      recorder = store.startSession({ workspaceId, kind: root !== null ? 'solo' : 'room', title });
    }
    const detach = recorder.attach(doc, {
      authorOf: (origin) => (origin as PushOrigin | null)?.author,
      timeOf: (origin) => (origin as PushOrigin | null)?.time,
    });
    const stopDurable = recorder.onDurable((durableSeq) => emit('onDidStore', { sessionId: recorder.sessionId, durableSeq }));
    live = { root, workspaceId, recorder, doc, terminals: new Set(), release: () => (stopDurable(), detach()) };
    const state = Y.encodeStateAsUpdate(doc);
    return {
      sessionId: recorder.sessionId,
      state: latest ? Buffer.from(state).toString('base64') : '',
      stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64'),
      durableSeq: recorder.durableSeq,
      resumed: Boolean(latest),
    };
  };

  const record = (event: HistoryEvent) => {
    const active = current();
    if (!active) return;
    try {
      active.recorder.recordEvent(event);
    } catch (error) {
      // The recording may have closed under us (a folder switch): the event is dropped, not the host.
      log.warn({ err: error, workspaceId: active.workspaceId }, 'a history event was dropped');
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

  const impl: ImplOf<Contract>['history'] = {
    begin: guard((arg) => begin(arg), 'Cannot record this workspace'),
    end: guard(endLive),
    flush: guard(() => {
      const active = current();
      return active ? { sessionId: active.recorder.sessionId, durableSeq: active.recorder.flush() } : null;
    }),
    push: guard(({ sessionId, updates, events }) => {
      const active = current();
      if (!active || active.recorder.sessionId !== sessionId) {
        throw new HostError(ErrorCode.Unavailable, 'This recording has ended (the folder was closed or changed); start it again.');
      }
      for (const [i, u] of updates.entries()) {
        const origin: PushOrigin = { author: u.author, time: u.time };
        try {
          Y.applyUpdate(active.doc, Buffer.from(u.data, 'base64'), origin);
        } catch (error) {
          throw new HostError(
            ErrorCode.InvalidArgument,
            `Update ${i} of the push is not a Yjs update (${error instanceof Error ? error.message : String(error)}); the updates before it were recorded.`,
          );
        }
      }
      for (const e of events) active.recorder.recordEvent(e);
      const { pendingStructs, pendingDs } = active.doc.store;
      return { lastSeq: active.recorder.lastSeq, missing: pendingStructs !== null || pendingDs !== null };
    }),

    listSessions: guard((arg) => {
      const info = ctx.workspace.info();
      return arg?.allWorkspaces || !info ? service.listSessions({}) : service.listSessions({ workspaceId: workspaceIdOf(info.root) });
    }),
    timeline: guard(({ sessionId }) => service.timeline({ sessionId })),
    filesAt: guard(({ sessionId, at }) => service.filesAt({ sessionId, at })),
    diff: guard(({ sessionId, from, to }) => service.diff({ sessionId, from, to })),
    events: guard(({ sessionId, kinds }) => service.events({ sessionId, kinds }).map(({ seq, time, event }) => ({ seq, time, event }))),
    asciicast: guard(({ sessionId, terminalId }) => service.asciicast({ sessionId, terminalId })),
    createSnapshot: guard(({ sessionId, name, at }) => {
      const { seq, time } = service.createSnapshot({ sessionId, name, at });
      return { name, seq, time };
    }, 'Cannot save the snapshot'),
    listSnapshots: guard(({ sessionId }) => service.listSnapshots({ sessionId })),
    fork: guard(({ sessionId, at, folder }) => forkToFolder(store, service, sessionId, at, folder), 'Cannot fork the session'),
    exportSession: guard(({ sessionId }) => {
      const dir = path.join(ctx.dataDir, 'exports');
      mkdirSync(dir, { recursive: true, mode: 0o700 }); // private, as the data folder (issue 11)
      const name = `session-${sessionId.slice(0, 8)}.ccsession`;
      const file = path.join(dir, name);
      const { bytes, sha256 } = service.exportSession({ sessionId, file });
      return { path: file, name, bytes, sha256, data: readFileSync(file).toString('base64') };
    }, 'Cannot export the session'),
    importSession: guard(({ name, data }) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-import-'));
      try {
        const file = path.join(dir, 'session.ccsession');
        writeFileSync(file, Buffer.from(data, 'base64'));
        try {
          return service.importSession({ file, newId: true });
        } catch (error) {
          throw toHostError(error, `Cannot import "${name}" (nothing was imported)`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
    deleteSession: guard(({ sessionId }) => {
      if (live?.recorder.sessionId === sessionId) {
        throw new HostError(ErrorCode.PermissionDenied, 'This session is being recorded: close the folder first.');
      }
      return service.deleteSession({ sessionId });
    }),
    getRetention: () => readRetention(),
    setRetention: guard(({ days }) => {
      writeFileSync(retentionFile, JSON.stringify({ days }), { mode: 0o600 });
      return { days, pruned: prune() };
    }),
  };

  return {
    impl,
    hooks,
    dispose() {
      clearInterval(pruneTimer);
      endLive();
      store.close();
    },
  };
}

/** The fork goes into a new folder, and its history into a session keyed by that folder. */
function forkToFolder(
  store: HistoryStore,
  service: ReturnType<typeof createHistoryService>,
  sessionId: string,
  at: ReplayPoint,
  folder: string,
): { sessionId: string; folder: string; files: number } {
  if (!path.isAbsolute(folder)) throw new HostError(ErrorCode.InvalidArgument, `"${folder}" is not an absolute folder path.`);
  mkdirSync(folder, { recursive: true });
  if (readdirSync(folder).length > 0) throw new HostError(ErrorCode.AlreadyExists, `"${folder}" is not empty: fork into a new or empty folder.`);
  const root = realpathSync(folder);
  const { files } = service.filesAt({ sessionId, at });
  const entries = Object.entries(files).filter(([p]) => !workspacePathProblem(p));
  for (const [p, text] of entries) {
    const target = path.join(root, ...p.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const fork = store.forkSession(sessionId, at, { title: path.basename(root) });
  // The back end keys a fork by its parent's workspace; this one belongs to the new folder.
  store.db.prepare('UPDATE sessions SET workspace_id = ? WHERE id = ?').run(workspaceIdOf(root), fork.id);
  return { sessionId: fork.id, folder: root, files: entries.length };
}
