import type { LanguageId } from '../../common/languages';
import type { Disposer } from '../../common/rpc';
import { activeEditor } from '../app-context';
import { documents } from '../editor/documents';
import { api } from '../host';
import { workbench } from '../state/store';
import { notify, openFile } from '../workbench/actions';
import { channelPair, type ChannelSender, type RoomChannel } from '../collab/room-channel';
import { interviewState } from './interview-state';
import { readInterview, readSampleVerdicts, sampleVerdictsOf } from './room-interview';
import { requestSampleRun, serveSampleRuns } from './sample-runs';
import { formatClock, type TimerState } from './timer-model';
import { ownsClock, TimerSync } from './timer-sync';
import { roomCode } from './room-code';
import { PadLock, type LockableRoom } from './pad-lock';
import { getLogger } from '../log';
import './interview-probe';

// An interview room in this window (issue 9): reads the public part from the room doc, runs the
// shared clock over the room channel, locks the candidate's editor when time is up, and serves
// (interviewer) or asks for (candidate) sample runs.
//
// The room channel (renderer/collab/room-channel.ts) is given by whoever builds it, through
// attachInterviewChannel; until then the interviewer's clock runs on this machine alone and the
// candidate's sample verdicts come from the interviewer's runs published in the doc. With it comes
// the room itself, so the interviewer's lock is enforced by every peer (pad-lock.ts).

const TICK_MS = 1000;
const LOCK_DROPPED_NOTICE = 'interview-lock-dropped';
const log = getLogger('interview');

let channel: RoomChannel | null = null;
let clock: TimerSync | null = null;
let padLock: PadLock | null = null;
let roomDisposers: Disposer[] = [];

/** A channel with nobody on it: the interviewer's clock before (or without) a room channel. */
function localChannel(side: 'interviewer' | 'candidate'): RoomChannel {
  return channelPair({ key: 'local', fingerprint: 'local', name: 'local', role: side })[0]!;
}

/** The candidate's editor: read-only while the pad is locked, and while its role may not write. */
function applyLock(): void {
  const { side, timer } = interviewState.get();
  const locked = side === 'candidate' && Boolean(timer?.locked);
  // The clock's unlock may arrive before the role that lets this window write again.
  const { room, canEdit } = workbench.get().collab;
  const readOnly = locked || (room !== null && !canEdit);
  const message = locked ? 'Time is up: the interviewer has locked the pad.' : 'Your role in this room cannot edit (ask the owner).';
  activeEditor.get()?.updateOptions({ readOnly, readOnlyMessage: { value: message } });
}

/** Interviewer: the room follows the clock's lock (pad-lock.ts). */
function syncPadLock(): void {
  const { side, timer } = interviewState.get();
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
    onChange: (timer) => interviewState.set({ timer, now: Date.now() }),
    onWarning: (mark) => notify(`${mark / 60_000} minute${mark === 60_000 ? '' : 's'} left in the interview.`, 'warning', undefined, 'interview-clock'),
    onRefused: (reason, from) => console.warn(`interview clock: dropped a message from ${from.name} (${from.fingerprint}): ${reason}`),
  });
  // The interviewer's clock carries on when the channel arrives: its state is sent again.
  if (previous && side === 'interviewer') clock.restore(previous);
  interviewState.set({ timer: clock.current(), channel: channel !== null });
}

/** Starts the room side of an interview: the clock, the lock, sample runs. */
export function beginInterviewRoom(side: 'interviewer' | 'candidate'): void {
  const previous = clock?.current();
  endInterviewRoom();
  startClock(side, previous);
  const tick = setInterval(() => clock?.tick(), TICK_MS);
  roomDisposers = [
    () => clearInterval(tick),
    interviewState.subscribe(applyLock),
    workbench.subscribe((s, prev) => {
      // After the collab code's own read-only update (editor-link.ts), so the lock's message wins.
      if (s.activeTab !== prev.activeTab || s.collab.canEdit !== prev.collab.canEdit) queueMicrotask(applyLock);
    }),
  ];
  if (side === 'interviewer' && channel) roomDisposers.push(serveSamples(channel));
  applyLock();
}

export function endInterviewRoom(): void {
  for (const d of roomDisposers.splice(0)) d();
  clock?.dispose();
  clock = null;
  interviewState.set({ timer: null });
  const { room, canEdit } = workbench.get().collab;
  activeEditor.get()?.updateOptions({ readOnly: room !== null && !canEdit });
}

/**
 * Who asked for a run, as the recording names people: `client:<id>` of their doc (the replay
 * shows their name from their awareness), and the name their handshake gave.
 */
function requester(from: ChannelSender): { author: string; name: string } {
  const clientId = workbench.get().collab.members.find((m) => m.key === from.key)?.clientIds[0];
  return { author: clientId === undefined ? `key:${from.fingerprint}` : `client:${clientId}`, name: from.name.trim().slice(0, 200) || from.fingerprint };
}

function serveSamples(ch: RoomChannel): Disposer {
  return serveSampleRuns(
    ch,
    (request, from) => {
      const id = interviewState.get().record?.id;
      if (!id) return Promise.reject(new Error('No interview is open on the interviewer’s side.'));
      return api.interview.judge({ id, language: request.language, entry: request.entry, files: request.files, tests: 'sample', requestedBy: requester(from) });
    },
    {
      onRefused: (reason, from) => console.warn(`interview: refused a sample run from ${from.name} (${from.fingerprint}): ${reason}`),
      onRun: (_from, result) => {
        const samples = sampleVerdictsOf(result);
        interviewState.set({ samples });
      },
    },
  );
}

/**
 * The room channel for interview messages (the clock, sample runs), and the room whose membership
 * log enforces the pad lock. Called by the code that builds the channel for a room; returns the
 * disposer. Messages' roles come from the channel.
 */
export function attachInterviewChannel(roomChannel: RoomChannel, room?: LockableRoom): Disposer {
  channel = roomChannel;
  const lock = room
    ? new PadLock(room, {
        onDropped: (member) =>
          notify(`${member.name}'s edits after the lock were not accepted: the pad is locked. Unlock it to take their edits again.`, 'warning', undefined, LOCK_DROPPED_NOTICE),
        onError: (error) => reportLockError(error, true),
      })
    : null;
  padLock = lock;
  const unwatchLock = lock ? interviewState.subscribe(syncPadLock) : () => {};
  const side = interviewState.get().side;
  if (side) beginInterviewRoom(side);
  interviewState.set({ channel: true });
  return () => {
    unwatchLock();
    lock?.dispose();
    if (padLock === lock) padLock = null;
    if (channel !== roomChannel) return;
    channel = null;
    interviewState.set({ channel: false });
    const current = interviewState.get().side;
    if (current) beginInterviewRoom(current);
  };
}

export const clockControls = {
  start: () => clock?.start(),
  pause: () => clock?.pause(),
  extend: (ms: number) => clock?.extend(ms),
  setDuration: (ms: number) => clock?.setDuration(ms),
  setLocked: (locked: boolean) => clock?.setLocked(locked),
  remaining: () => clock?.remaining() ?? null,
  label: () => (clock ? formatClock(clock.remaining()) : null),
};

/** Candidate: asks the interviewer's machine to run the samples on the room's code. */
export async function candidateRunSamples(language: LanguageId): Promise<void> {
  const host = channel?.members().find(ownsClock);
  if (!channel || !host) {
    notify('Sample runs need the room channel to the interviewer, which this build does not have yet: ask the interviewer to run the samples (you will see the verdicts here).', 'info');
    return;
  }
  interviewState.set({ running: 'samples' });
  try {
    const result = await requestSampleRun(channel, host.key, { language, ...roomCode(language) });
    interviewState.set({ samples: sampleVerdictsOf(result) });
  } catch (error) {
    notify(`Sample run: ${error instanceof Error ? error.message : String(error)}`, 'error');
  } finally {
    interviewState.set({ running: null });
  }
}

/**
 * Follows the room doc's interview data for as long as the page lives (App starts it): a guest
 * who joins an interview room becomes its candidate, sees the statement and gets the starter open.
 */
export function watchRoomInterview(): Disposer {
  let unobserve: Disposer = () => {};
  const read = () => {
    const room = readInterview(documents.meta);
    const samples = readSampleVerdicts(documents.meta);
    const s = interviewState.get();
    const role = workbench.get().collab.room?.role;
    if (room && role === 'guest' && s.side === null) {
      interviewState.set({ side: 'candidate', room, samples });
      beginInterviewRoom('candidate');
      workbench.set({ sideView: 'interview', sideBarVisible: true });
      const starter = room.starters.find((st) => st.language === room.languages[0]);
      if (starter) setTimeout(() => void (documents.files.has(starter.path) ? openFile(starter.path) : undefined), 0);
      return;
    }
    // The interviewer's view keeps its own copy; a candidate's follows the doc.
    if (s.side === 'candidate') interviewState.set({ room: room ?? s.room, samples });
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
  const disposeRoom = workbench.subscribe((s, prev) => {
    if (s.collab.room === prev.collab.room) return;
    if (!s.collab.room && interviewState.get().side) {
      endInterviewRoom();
      interviewState.set({ side: null, room: null, samples: null, hidden: null });
    } else read();
  });
  return () => {
    unobserve();
    disposeReset();
    disposeRoom();
    endInterviewRoom();
  };
}
