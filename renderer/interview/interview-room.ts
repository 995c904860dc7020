import type { Contract } from '../../common/contract';
import type { LanguageId } from '../../common/languages';
import type { ClientOf, Disposer } from '../../common/rpc';
import type { ActiveEditor } from '../editor/active-editor';
import type { WorkspaceDocuments } from '../editor/workspace-documents';
import type { RendererLogger } from '../log';
import type { WorkbenchStore } from '../state/store';
import type { Notices } from '../workbench/notices';
import { channelPair, type ChannelSender, type RoomChannel } from '../collab/room-channel';
import type { InterviewState } from './interview-state';
import { readInterview, readSampleVerdicts, sampleVerdictsOf } from './room-interview';
import { createSampleRunRequester, serveSampleRuns } from './sample-runs';
import { formatClock, type TimerState } from './timer-model';
import { ownsClock, TimerSync } from './timer-sync';
import { roomCode } from './room-code';
import { PadLock, type LockableRoom } from './pad-lock';

// An interview room in this window (issue 9): reads the public part from the room doc, runs the
// shared clock over the room channel, locks the candidate's editor when time is up, and serves
// (interviewer) or asks for (candidate) sample runs. The window's controller is made once in
// app-context.ts.
//
// The room channel (renderer/collab/room-channel.ts) is given by whoever builds it, through
// attachChannel; until then the interviewer's clock runs on this machine alone and the
// candidate's sample verdicts come from the interviewer's runs published in the doc. With it comes
// the room itself, so the interviewer's lock is enforced by every peer (pad-lock.ts).

const TICK_MS = 1000;
const LOCK_DROPPED_NOTICE = 'interview-lock-dropped';

export interface InterviewRoomDeps {
  interview: Pick<ClientOf<Contract>['interview'], 'judge'>;
  store: WorkbenchStore;
  /** The store's interview slice. */
  state: InterviewState;
  documents: Pick<WorkspaceDocuments, 'meta' | 'files' | 'onDidReset'>;
  notices: Pick<Notices, 'notify'>;
  editor: Pick<ActiveEditor, 'get'>;
  log: Pick<RendererLogger, 'error'>;
}

export interface ClockControls {
  start(): void;
  pause(): void;
  extend(ms: number): void;
  setDuration(ms: number): void;
  setLocked(locked: boolean): void;
  remaining(): number | null;
  label(): string | null;
}

export interface InterviewRoom {
  /** Starts the room side of an interview: the clock, the lock, sample runs. */
  begin(side: 'interviewer' | 'candidate'): void;
  end(): void;
  /**
   * The room channel for interview messages (the clock, sample runs), and the room whose
   * membership log enforces the pad lock. Called by the code that builds the channel for a room;
   * returns the disposer. Messages' roles come from the channel.
   */
  attachChannel(roomChannel: RoomChannel, room?: LockableRoom): Disposer;
  readonly clock: ClockControls;
  /** Candidate: asks the interviewer's machine to run the samples on the room's code. */
  candidateRunSamples(language: LanguageId): Promise<void>;
  /**
   * Follows the room doc's interview data for as long as the page lives (App starts it): a guest
   * who joins an interview room becomes its candidate, sees the statement and gets the starter
   * open (with `openFile`).
   */
  watchRoom(openFile: (path: string) => Promise<unknown>): Disposer;
}

/** A channel with nobody on it: the interviewer's clock before (or without) a room channel. */
function localChannel(side: 'interviewer' | 'candidate'): RoomChannel {
  return channelPair({ key: 'local', fingerprint: 'local', name: 'local', role: side })[0]!;
}

export function createInterviewRoom({ interview, store, state, documents, notices, editor, log }: InterviewRoomDeps): InterviewRoom {
  let channel: RoomChannel | null = null;
  let clock: TimerSync | null = null;
  let padLock: PadLock | null = null;
  let roomDisposers: Disposer[] = [];
  const requestSampleRun = createSampleRunRequester();
  const notify = notices.notify;

  /** The candidate's editor: read-only while the pad is locked, and while its role may not write. */
  function applyLock(): void {
    const { side, timer } = state.get();
    const locked = side === 'candidate' && Boolean(timer?.locked);
    // The clock's unlock may arrive before the role that lets this window write again.
    const { room, canEdit } = store.get().collab;
    const readOnly = locked || (room !== null && !canEdit);
    const message = locked ? 'Time is up: the interviewer has locked the pad.' : 'Your role in this room cannot edit (ask the owner).';
    editor.get()?.updateOptions({ readOnly, readOnlyMessage: { value: message } });
  }

  /** Interviewer: the room follows the clock's lock (pad-lock.ts). */
  function syncPadLock(): void {
    const { side, timer } = state.get();
    const lock = padLock;
    if (!lock || side !== 'interviewer' || !timer || timer.locked === lock.isLocked) return;
    lock.setLocked(timer.locked).catch((error: unknown) => reportLockError(error, timer.locked));
  }

  function reportLockError(error: unknown, locking: boolean): void {
    const what = locking ? 'Cannot lock the candidate’s pad for the room' : 'Cannot give the candidate back the pad';
    log.error(what, error);
    notify(`${what}: ${error instanceof Error ? error.message : String(error)}`, 'error', undefined, 'interview-lock');
  }

  function startClock(side: 'interviewer' | 'candidate', previous: TimerState | undefined): void {
    clock = new TimerSync(channel ?? localChannel(side), side, {
      onChange: (timer) => state.set({ timer, now: Date.now() }),
      onWarning: (mark) => notify(`${mark / 60_000} minute${mark === 60_000 ? '' : 's'} left in the interview.`, 'warning', undefined, 'interview-clock'),
      onRefused: (reason, from) => console.warn(`interview clock: dropped a message from ${from.name} (${from.fingerprint}): ${reason}`),
    });
    // The interviewer's clock carries on when the channel arrives: its state is sent again.
    if (previous && side === 'interviewer') clock.restore(previous);
    state.set({ timer: clock.current(), channel: channel !== null });
  }

  /**
   * Who asked for a run, as the recording names people: `client:<id>` of their doc (the replay
   * shows their name from their awareness), and the name their handshake gave.
   */
  function requester(from: ChannelSender): { author: string; name: string } {
    const clientId = store.get().collab.members.find((m) => m.key === from.key)?.clientIds[0];
    return { author: clientId === undefined ? `key:${from.fingerprint}` : `client:${clientId}`, name: from.name.trim().slice(0, 200) || from.fingerprint };
  }

  function serveSamples(ch: RoomChannel): Disposer {
    return serveSampleRuns(
      ch,
      (request, from) => {
        const id = state.get().record?.id;
        if (!id) return Promise.reject(new Error('No interview is open on the interviewer’s side.'));
        return interview.judge({ id, language: request.language, entry: request.entry, files: request.files, tests: 'sample', requestedBy: requester(from) });
      },
      {
        onRefused: (reason, from) => console.warn(`interview: refused a sample run from ${from.name} (${from.fingerprint}): ${reason}`),
        onRun: (_from, result) => {
          const samples = sampleVerdictsOf(result);
          state.set({ samples });
        },
      },
    );
  }

  const room: InterviewRoom = {
    begin(side) {
      const previous = clock?.current();
      room.end();
      startClock(side, previous);
      const tick = setInterval(() => clock?.tick(), TICK_MS);
      roomDisposers = [
        () => clearInterval(tick),
        state.subscribe(applyLock),
        store.subscribe((s, prev) => {
          // After the collab code's own read-only update (editor-link.ts), so the lock's message wins.
          if (s.activeTab !== prev.activeTab || s.collab.canEdit !== prev.collab.canEdit) queueMicrotask(applyLock);
        }),
      ];
      if (side === 'interviewer' && channel) roomDisposers.push(serveSamples(channel));
      applyLock();
    },

    end() {
      for (const d of roomDisposers.splice(0)) d();
      clock?.dispose();
      clock = null;
      state.set({ timer: null });
      const { room: collabRoom, canEdit } = store.get().collab;
      editor.get()?.updateOptions({ readOnly: collabRoom !== null && !canEdit });
    },

    attachChannel(roomChannel, lockable) {
      channel = roomChannel;
      const lock = lockable
        ? new PadLock(lockable, {
            onDropped: (member) =>
              notify(`${member.name}'s edits after the lock were not accepted: the pad is locked. Unlock it to take their edits again.`, 'warning', undefined, LOCK_DROPPED_NOTICE),
            onError: (error) => reportLockError(error, true),
          })
        : null;
      padLock = lock;
      const unwatchLock = lock ? state.subscribe(syncPadLock) : () => {};
      const side = state.get().side;
      if (side) room.begin(side);
      state.set({ channel: true });
      return () => {
        unwatchLock();
        lock?.dispose();
        if (padLock === lock) padLock = null;
        if (channel !== roomChannel) return;
        channel = null;
        state.set({ channel: false });
        const current = state.get().side;
        if (current) room.begin(current);
      };
    },

    clock: {
      start: () => clock?.start(),
      pause: () => clock?.pause(),
      extend: (ms) => clock?.extend(ms),
      setDuration: (ms) => clock?.setDuration(ms),
      setLocked: (locked) => clock?.setLocked(locked),
      remaining: () => clock?.remaining() ?? null,
      label: () => (clock ? formatClock(clock.remaining()) : null),
    },

    async candidateRunSamples(language) {
      const host = channel?.members().find(ownsClock);
      if (!channel || !host) {
        notify('Sample runs need the room channel to the interviewer, which this build does not have yet: ask the interviewer to run the samples (you will see the verdicts here).', 'info');
        return;
      }
      state.set({ running: 'samples' });
      try {
        const result = await requestSampleRun(channel, host.key, { language, ...roomCode(language, state.get().room, documents.files) });
        state.set({ samples: sampleVerdictsOf(result) });
      } catch (error) {
        notify(`Sample run: ${error instanceof Error ? error.message : String(error)}`, 'error');
      } finally {
        state.set({ running: null });
      }
    },

    watchRoom(openFile) {
      let unobserve: Disposer = () => {};
      const read = () => {
        const roomInterview = readInterview(documents.meta);
        const samples = readSampleVerdicts(documents.meta);
        const s = state.get();
        const role = store.get().collab.room?.role;
        if (roomInterview && role === 'guest' && s.side === null) {
          state.set({ side: 'candidate', room: roomInterview, samples });
          room.begin('candidate');
          store.set({ sideView: 'interview', sideBarVisible: true });
          const starter = roomInterview.starters.find((st) => st.language === roomInterview.languages[0]);
          if (starter) setTimeout(() => void (documents.files.has(starter.path) ? openFile(starter.path) : undefined), 0);
          return;
        }
        // The interviewer's view keeps its own copy; a candidate's follows the doc.
        if (s.side === 'candidate') state.set({ room: roomInterview ?? s.room, samples });
      };
      const observe = () => {
        unobserve();
        const meta = documents.meta;
        const listener = () => read();
        meta.observe(listener);
        unobserve = () => meta.unobserve(listener);
        read();
      };
      observe();
      const disposeReset = documents.onDidReset(observe);
      const disposeRoom = store.subscribe((s, prev) => {
        if (s.collab.room === prev.collab.room) return;
        if (!s.collab.room && state.get().side) {
          room.end();
          state.set({ side: null, room: null, samples: null, hidden: null });
        } else read();
      });
      return () => {
        unobserve();
        disposeReset();
        disposeRoom();
        room.end();
      };
    },
  };
  return room;
}
