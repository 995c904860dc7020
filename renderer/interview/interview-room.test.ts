import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Emitter } from '../../common/event';
import type { InterviewInfo } from '../../common/interview';
import type { JudgeResult } from '../../common/problem';
import { channelPair, type ChannelSender } from '../collab/room-channel';
import type { RoomInfo } from '../collab/collab-state';
import type { ActiveEditor } from '../editor/active-editor';
import { createWorkbenchStore, type WorkbenchStore } from '../state/store';
import { createNotices } from '../workbench/notices';
import { createInterviewRoom, type InterviewRoom } from './interview-room';
import { interviewStateOf, type InterviewState } from './interview-state';
import { publishInterview, type RoomInterview } from './room-interview';

// The interview room controller, two windows over an in-memory room channel (the channel's own
// transport is tested in test/integration/collab): the interviewer's lock reaches the candidate's
// editor, the candidate's sample run is judged on the interviewer's side, and a guest who joins
// an interview room becomes its candidate. The editor is a stand-in that records its options
// (Monaco needs a browser; the e2e specs drive the real one).

const interviewerKey: ChannelSender = { key: 'a'.repeat(64), fingerprint: 'aaaa', name: 'Ivy', role: 'interviewer' };
const candidateKey: ChannelSender = { key: 'b'.repeat(64), fingerprint: 'bbbb', name: 'Cal', role: 'candidate' };

const ROOM: RoomInfo = { roomId: 'room-1', role: 'guest', invite: 'codecrafter://join/x', webInvite: 'http://x', signalUrl: 'ws://x', lanUrl: null };
const PROBLEM: RoomInterview = {
  problemId: 'two-sum',
  name: 'Two sum',
  markdown: '# Two sum',
  samples: [{ name: '1', input: '1 2\n', answer: '3\n' }],
  languages: ['python'],
  starters: [{ language: 'python', path: 'main.py' }],
  timeLimitMs: null,
};

function judged(verdict: JudgeResult['verdict']): JudgeResult {
  const test = { name: 'data/sample/1', group: 'data/sample', sample: true, verdict, cpuMs: 5, wallMs: 6, peakMemoryKb: 1000, exitCode: 0, signal: null, score: null };
  return { problemId: 'two-sum', language: 'python', verdict, score: null, maxScore: null, timeLimitMs: 2000, timeLimitSource: 'problem', memoryMb: 256, compile: null, tests: [test], groups: [], wallMs: 10 };
}

interface Window {
  store: WorkbenchStore;
  state: InterviewState;
  room: InterviewRoom;
  doc: Y.Doc;
  resetDocs: Emitter<void>;
  editorOptions: Array<{ readOnly?: boolean; readOnlyMessage?: { value: string } }>;
  judgeAsked: Array<{ id: string; entry: string; requestedBy?: { author: string; name: string } }>;
  logged: string[];
}

const windows: Window[] = [];
const disposers: Array<() => void> = [];

function openWindow(): Window {
  const store = createWorkbenchStore();
  const state = interviewStateOf(store);
  const doc = new Y.Doc();
  const resetDocs = new Emitter<void>();
  const editorOptions: Window['editorOptions'] = [];
  const judgeAsked: Window['judgeAsked'] = [];
  const logged: string[] = [];
  const editor = { updateOptions: (o: Window['editorOptions'][number]) => editorOptions.push(o) };
  const room = createInterviewRoom({
    interview: {
      judge: async (request) => {
        judgeAsked.push(request);
        return judged('wrong-answer');
      },
    },
    store,
    state,
    documents: { meta: doc.getMap('meta'), files: doc.getMap('files'), onDidReset: resetDocs.event },
    notices: createNotices(store, { error: (message) => logged.push(message) }),
    editor: { get: () => editor as unknown as ReturnType<ActiveEditor['get']> },
    log: { error: (message) => logged.push(message) },
  });
  const window = { store, state, room, doc, resetDocs, editorOptions, judgeAsked, logged };
  windows.push(window);
  return window;
}

afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
  for (const w of windows.splice(0)) w.room.end();
});

describe('interview room', () => {
  it("locks the candidate's editor when the interviewer locks the pad, and unlocks it", async () => {
    const [ic, cc] = channelPair(interviewerKey, candidateKey);
    const interviewer = openWindow();
    const candidate = openWindow();
    interviewer.state.set({ side: 'interviewer' });
    candidate.state.set({ side: 'candidate' });
    disposers.push(interviewer.room.attachChannel(ic!), candidate.room.attachChannel(cc!));
    expect(candidate.state.get().channel).toBe(true);
    expect(candidate.editorOptions.at(-1)?.readOnly).toBe(false);

    interviewer.room.clock.setLocked(true);
    await expect.poll(() => candidate.editorOptions.at(-1)?.readOnly).toBe(true);
    expect(candidate.editorOptions.at(-1)?.readOnlyMessage?.value).toMatch(/locked the pad/);
    // The interviewer's own editor is never locked by the clock.
    expect(interviewer.editorOptions.at(-1)?.readOnly).toBe(false);

    interviewer.room.clock.setLocked(false);
    await expect.poll(() => candidate.editorOptions.at(-1)?.readOnly).toBe(false);
  });

  it("runs the candidate's samples on the interviewer's side, naming who asked", async () => {
    const [ic, cc] = channelPair(interviewerKey, candidateKey);
    const interviewer = openWindow();
    const candidate = openWindow();
    interviewer.state.set({ side: 'interviewer', record: { id: 'iv-1' } as InterviewInfo });
    interviewer.store.set((s) => ({ collab: { ...s.collab, members: [{ key: candidateKey.key, clientIds: [7] } as (typeof s.collab.members)[number]] } }));
    candidate.state.set({ side: 'candidate', room: PROBLEM });
    const text = new Y.Text('print(3)\n');
    candidate.doc.getMap<Y.Text>('files').set('main.py', text);
    disposers.push(interviewer.room.attachChannel(ic!), candidate.room.attachChannel(cc!));

    await candidate.room.candidateRunSamples('python');
    expect(interviewer.judgeAsked).toHaveLength(1);
    expect(interviewer.judgeAsked[0]).toMatchObject({ id: 'iv-1', entry: 'main.py', requestedBy: { author: 'client:7', name: 'Cal' } });
    expect(candidate.state.get().samples).not.toBeNull();
    expect(candidate.state.get().running).toBeNull();
    expect(candidate.store.get().toasts).toEqual([]);
  });

  it('says so, and asks nobody, when a candidate runs the samples without a channel', async () => {
    const candidate = openWindow();
    candidate.state.set({ side: 'candidate', room: PROBLEM });
    await candidate.room.candidateRunSamples('python');
    expect(candidate.store.get().toasts.map((t) => t.message)).toEqual([expect.stringMatching(/room channel/)]);
    expect(candidate.state.get().running).toBeNull();
  });

  it('makes a guest who joins an interview room its candidate, with the starter open, until the room is left', async () => {
    const guest = openWindow();
    const opened: string[] = [];
    disposers.push(guest.room.watchRoom(async (path) => opened.push(path)));
    guest.doc.getMap<Y.Text>('files').set('main.py', new Y.Text(''));
    guest.store.set((s) => ({ collab: { ...s.collab, room: ROOM } }));
    expect(guest.state.get().side).toBeNull();
    publishInterview(guest.doc.getMap('meta'), PROBLEM);
    expect(guest.state.get()).toMatchObject({ side: 'candidate', room: PROBLEM });
    expect(guest.state.get().timer).not.toBeNull();
    expect(guest.store.get().sideView).toBe('interview');
    await expect.poll(() => opened).toEqual(['main.py']);

    guest.store.set((s) => ({ collab: { ...s.collab, room: null } }));
    expect(guest.state.get()).toMatchObject({ side: null, room: null, timer: null });
  });

  it('keeps each window its own clock: ending one room leaves the other running', () => {
    const a = openWindow();
    const b = openWindow();
    a.state.set({ side: 'interviewer' });
    b.state.set({ side: 'interviewer' });
    a.room.begin('interviewer');
    b.room.begin('interviewer');
    a.room.end();
    expect(a.room.clock.remaining()).toBeNull();
    expect(b.room.clock.remaining()).not.toBeNull();
  });
});
