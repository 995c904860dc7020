import type * as Y from 'yjs';
import type { Contract } from '../../common/contract';
import { LOCAL_AUTHOR, MAX_PUSH_EVENTS, MAX_PUSH_MESSAGES } from '../../common/contract-history';
import { ErrorCode, HostError } from '../../common/errors';
import type { HistoryEvent } from '../../common/history';
import { readSyncMessage, syncStep1Message, updateMessage } from '../../common/history-sync';
import type { ClientOf, Disposer } from '../../common/rpc';
import type { WorkspaceDocuments } from '../editor/workspace-documents';
import type { RecordingStatus, WorkbenchState, WorkbenchStore } from '../state/store';
import type { Notices } from '../workbench/notices';
import { awarenessEvent } from './awareness-events';
import { fromBase64, toBase64 } from './base64';
import { nextRecordingStatus } from './replay-state';
import { TxOrigin } from '../../common/origins';

// Streams the workspace doc's updates and this window's events (cursor, paste, focus) to the host,
// which stores them (issue 5). The doc is synced with the recorder by y-protocols' sync messages
// (common/history-sync.ts): `begin` sends our SyncStep1 and gets the recorder's SyncStep2 (what we
// lack) and SyncStep1, whose answer is the first message we push; then each update is an Update
// message. Typing never waits: an update is a queue push, sent every 50 ms or at 64. Any failure
// is healed the same way as a new start, by that exchange. The window's client is made once in
// app-context.ts; App starts it.

const SEND_AFTER_MS = 50;
const SEND_AT = 64;
const RETRY_MS = 2000;
const RETRY_MAX_MS = 60_000;
/** Base64 per push: well under the browser host's 32 MiB WebSocket frame. */
const PUSH_BUDGET = 8 * 1024 * 1024;
const AWARENESS_EVERY_MS = 100;

export interface RecordingClientDeps {
  history: Pick<ClientOf<Contract>['history'], 'begin' | 'push' | 'flush' | 'onDidStore'>;
  /** To tell which restored files differ from the disk. */
  workspace: Pick<ClientOf<Contract>['workspace'], 'readFile'>;
  store: WorkbenchStore;
  documents: WorkspaceDocuments;
  notices: Pick<Notices, 'notify'>;
}

/** The page whose paste, focus and leaving are recorded (the window; none in a test). */
export interface RecordedPage {
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

export interface RecordingClient {
  /** Starts recording for the life of the window (events of `page` too); returns the disposer. */
  start(page?: RecordedPage): Disposer;
  /** Records an event of this window (a chat message, a paste…) in the open workspace's session. */
  recordEvent(event: HistoryEvent): void;
  /** Commits everything sent so far; resolves with the stored update number. */
  flush(): Promise<number>;
}

/** A sync message (base64) in the envelope that says who made the change and when. */
interface Queued {
  data: string;
  time: number;
  author?: string;
}

/** How many queued updates fit one push (at least one: the host refuses one too large, with a reason). */
function takeWithinBudget(queue: Queued[]): number {
  let size = 0;
  let n = 0;
  while (n < queue.length && n < MAX_PUSH_MESSAGES && (n === 0 || size + queue[n]!.data.length <= PUSH_BUDGET)) size += queue[n++]!.data.length;
  return n;
}

/** The room this window is in, read loosely: the rooms area owns that state (issue 4). */
function roomOf(state: WorkbenchState): string | undefined {
  const room = (state as { collab?: { room?: { roomId?: unknown } | null } }).collab?.room;
  return typeof room?.roomId === 'string' ? room.roomId : undefined;
}

export function createRecordingClient({ history, workspace: files, store, documents, notices }: RecordingClientDeps): RecordingClient {
  let sessionId: string | null = null;
  /** Bumped by every start and stop: answers to an older one are ignored. */
  let generation = 0;
  let updates: Queued[] = [];
  let events: HistoryEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sending: Promise<void> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  /** Failures in a row: a push that can never succeed (an edit too large) must not spin. */
  let failures = 0;
  const awarenessTimers = new Map<number, ReturnType<typeof setTimeout>>();

  function setStatus(patch: Partial<RecordingStatus>): void {
    const current = store.get().recording;
    const recording = nextRecordingStatus(current, patch, updates.length > 0 || events.length > 0 || sending !== null);
    if (recording !== current) store.set({ recording });
  }

  function schedule(): void {
    if (!sessionId) return;
    setStatus({ state: 'saving' });
    if (updates.length >= SEND_AT || events.length >= SEND_AT) void send();
    else timer ??= setTimeout(() => void send(), SEND_AFTER_MS);
  }

  async function send(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (sending) return sending.then(() => (updates.length || events.length ? send() : undefined));
    const id = sessionId;
    const mine = generation;
    if (!id) return;
    if (updates.length === 0 && events.length === 0) {
      setStatus({});
      return;
    }
    const batchMessages = updates.splice(0, takeWithinBudget(updates));
    const batchEvents = events.splice(0, MAX_PUSH_EVENTS);
    sending = history
      .push({ sessionId: id, messages: batchMessages, events: batchEvents })
      .then(({ lastSeq, sync }) => {
        if (mine !== generation) return;
        failures = 0;
        setStatus({ pushedSeq: lastSeq });
        // The recorder lacks edits the pushed ones depend on: its SyncStep1 is answered first thing.
        updates.unshift(...answerRecorder(sync));
      })
      .catch((error: unknown) => {
        if (mine !== generation) return;
        // Stop sending until the restart below: later updates would depend on the lost ones.
        sessionId = null;
        const message = error instanceof Error ? error.message : String(error);
        setStatus({ state: 'error', message: `Edits are not being saved to history: ${message}` });
        // The next begin sends everything the host is missing, so nothing queued is lost for good.
        const quick = error instanceof HostError && error.code === ErrorCode.Unavailable;
        const delay = quick && failures === 0 ? 0 : Math.min(RETRY_MS * 2 ** failures, RETRY_MAX_MS);
        failures++;
        retry ??= setTimeout(() => {
          retry = null;
          void restart();
        }, delay);
      })
      .finally(() => {
        sending = null;
        if (mine === generation && (updates.length || events.length)) schedule();
        else if (mine === generation) setStatus({});
      });
    return sending;
  }

  /** Ends the current recording and, with a folder open, continues or starts the folder's session. */
  async function restart(): Promise<void> {
    const mine = ++generation;
    // What is still queued belongs to the recording that ends: send it (the host refuses it if that
    // recording's folder is already closed, which is right: it would be the closing's own clear).
    if (sessionId) {
      while (updates.length || events.length) {
        const batch = { sessionId, messages: updates.splice(0, takeWithinBudget(updates)), events: events.splice(0, MAX_PUSH_EVENTS) };
        // The host logs what it refuses; the recording is ending, so nothing here waits for the answer.
        history.push(batch).catch(() => {});
      }
    }
    sessionId = null;
    updates = [];
    events = [];
    if (timer) clearTimeout(timer);
    timer = null;
    const { workspace } = store.get();
    const roomId = roomOf(store.get());
    // A room guest's "workspace" has no folder (root ''): its recording is keyed by the room.
    if (!workspace || (!workspace.root && !roomId)) {
      setStatus({ state: 'off', sessionId: null, durableSeq: 0, pushedSeq: 0, message: undefined });
      return;
    }
    setStatus({ state: 'starting', sessionId: null, message: undefined });
    try {
      const syncStep1 = toBase64(syncStep1Message(documents.doc));
      const live = await history.begin(workspace.root ? { syncStep1 } : { roomId, title: workspace.name, syncStep1 });
      if (mine !== generation) return;
      // The recorder's SyncStep2 fills the doc with what the log holds; its SyncStep1's answer goes first.
      updates.push(...answerRecorder(live.sync));
      sessionId = live.sessionId;
      setStatus({ state: 'saving', sessionId: live.sessionId, durableSeq: live.durableSeq, pushedSeq: live.durableSeq });
      schedule();
      // The doc now holds what the log holds. Files whose text is not what is on disk (edits never
      // saved, or lost in a crash) come back as open, unsaved editors; a room guest's files are
      // listed from the doc by the rooms area.
      const restored = live.resumed ? [...documents.files.keys()] : [];
      if (restored.length && workspace.root) void reportUnsaved(restored, mine);
    } catch (error) {
      if (mine !== generation) return;
      setStatus({ state: 'error', message: `History is off: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  /**
   * Reads the recorder's sync messages into the doc (what it sends is the log's, so it is not sent
   * back) and returns the answers to push: a SyncStep2 of what the recorder lacks for each of its
   * SyncStep1s.
   */
  function answerRecorder(sync: readonly string[]): Queued[] {
    const answers: Queued[] = [];
    for (const message of sync) {
      const answer = readSyncMessage(documents.doc, fromBase64(message), TxOrigin.historyRestore);
      if (answer) answers.push({ data: toBase64(answer), time: Date.now(), author: LOCAL_AUTHOR });
    }
    return answers;
  }

  /** Says which restored files hold edits that are not on disk (unsaved when the window closed, or changed on disk since). */
  async function reportUnsaved(paths: string[], mine: number): Promise<void> {
    const disk = await Promise.all(
      paths.map((path) =>
        files.readFile({ path }).then(
          (f) => f.content,
          () => null,
        ),
      ),
    );
    if (mine !== generation) return;
    const differs = paths.filter((path, i) => disk[i] !== documents.text(path)?.toString());
    if (differs.length === 0) return;
    store.set((s) => ({
      tabs: [...s.tabs, ...differs.filter((p) => !s.tabs.includes(p))],
      activeTab: s.activeTab ?? differs[0]!,
      dirty: { ...s.dirty, ...Object.fromEntries(differs.map((p) => [p, true])) },
    }));
    notices.notify(
      `Restored from history with edits that are not on disk: ${differs.join(', ')}. Save to keep them, or close the tab to go back to the file on disk.`,
      'warning',
    );
  }

  function recordEvent(event: HistoryEvent): void {
    if (!sessionId) return;
    events.push(event);
    schedule();
  }

  function start(page?: RecordedPage): Disposer {
    const onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      if (!sessionId || origin === TxOrigin.historyRestore) return;
      updates.push({ data: toBase64(updateMessage(update)), time: Date.now(), author: tr.local ? LOCAL_AUTHOR : undefined });
      schedule();
    };
    // One awareness event per client per interval, the latest state winning.
    const onAwareness = ({ added, updated }: { added: number[]; updated: number[] }) => {
      for (const client of [...added, ...updated]) {
        if (awarenessTimers.has(client)) continue;
        awarenessTimers.set(
          client,
          setTimeout(() => {
            awarenessTimers.delete(client);
            const event = awarenessEvent(documents, client, client === documents.doc.clientID ? LOCAL_AUTHOR : `client:${client}`);
            if (event) recordEvent(event);
          }, AWARENESS_EVERY_MS),
        );
      }
    };
    // The doc is replaced for every workspace (documents.clear): follow it.
    let attached: { doc: Y.Doc; awareness: typeof documents.awareness } | null = null;
    const attach = () => {
      detach();
      attached = { doc: documents.doc, awareness: documents.awareness };
      attached.doc.on('update', onUpdate);
      attached.awareness.on('change', onAwareness);
    };
    const detach = () => {
      if (!attached) return;
      attached.doc.off('update', onUpdate);
      attached.awareness.off('change', onAwareness);
      attached = null;
    };
    attach();
    const offReset = documents.onDidReset(attach);
    const offPage = page ? watchPage(page) : () => {};

    const offStored = history.onDidStore((e) => {
      if (e.sessionId === sessionId) setStatus({ durableSeq: e.durableSeq });
    });
    const offWorkbench = store.subscribe((s, prev) => {
      const reopened = s.connection === 'open' && prev.connection !== 'open';
      if (s.workspace?.root !== prev.workspace?.root || roomOf(s) !== roomOf(prev) || reopened) void restart();
    });
    void restart();

    return () => {
      generation++;
      sessionId = null;
      offReset();
      detach();
      offPage();
      for (const t of awarenessTimers.values()) clearTimeout(t);
      awarenessTimers.clear();
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
      offStored();
      offWorkbench();
    };
  }

  /** Paste, focus and leaving the page; returns the disposer. */
  function watchPage({ window, document }: RecordedPage): Disposer {
    const onPaste = (e: Event) => {
      const file = store.get().activeTab;
      const text = (e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
      if (file && text) recordEvent({ kind: 'paste', author: LOCAL_AUTHOR, file, length: text.length });
    };
    const onBlur = () => recordEvent({ kind: 'focus', author: LOCAL_AUTHOR, state: 'lost' });
    const onFocus = () => recordEvent({ kind: 'focus', author: LOCAL_AUTHOR, state: 'gained' });
    // Edits of the last 50 ms (a "Don't Save" just before the window closes) would be lost with the
    // page: push them at once when it goes away or is hidden.
    const onLeave = () => {
      if (updates.length || events.length) void send();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave();
    };
    window.addEventListener('paste', onPaste, true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('paste', onPaste, true);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }

  return {
    start,
    recordEvent,
    async flush() {
      await send();
      const stored = await history.flush();
      if (stored && stored.sessionId === sessionId) setStatus({ durableSeq: stored.durableSeq });
      return stored?.durableSeq ?? 0;
    },
  };
}
