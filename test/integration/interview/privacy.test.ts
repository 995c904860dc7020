import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contract, type Contract } from '../../../common/contract';
import { createClient, type ClientOf } from '../../../common/rpc';
import { createInMemoryTransport } from '../../../main/host/memory-transport';
import { createHostServices, type HostServices } from '../../../main/host/services';
import { channelPair, type ChannelSender, type RoomChannel } from '../../../renderer/collab/room-channel';
import { publishInterview, roomInterviewOf, SAMPLE_RESULT_META_KEY, sampleVerdictsOf } from '../../../renderer/interview/room-interview';
import { createSampleRunRequester, RUN_SAMPLES_TOPIC, SAMPLE_RESULT_TOPIC, serveSampleRuns } from '../../../renderer/interview/sample-runs';
import { TIMER_SYNC_TOPIC, TIMER_TOPIC, TimerSync } from '../../../renderer/interview/timer-sync';

const requestSampleRun = createSampleRunRequester();

// Privacy against a hostile candidate (issue 9, "must show"): the candidate's peer logs every byte
// the interviewer's side sends it — every Yjs update of the room doc and every room-channel message
// addressed to it or to everyone — while the interviewer runs a whole interview with the real
// services (bank, judge in Docker, notes and rubric in SQLite). None of the hidden tests' input or
// answers, no note and nothing of the rubric may be in that log.
//
// The room channel here is the in-memory channelPair (the WebRTC transport is the provider's; the
// same check over it belongs in its test once it is merged): the log sits where the transport
// would hand bytes to the candidate.

const root = path.resolve(import.meta.dirname, '../../..');
const NOTE = 'PRIVATE-NOTE: weak on edge cases, nervous';
const RUBRIC_SUMMARY = 'PRIVATE-RUBRIC: lean no hire';

let dir: string;
let services: HostServices;
let api: ClientOf<Contract>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-interview-privacy-'));
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
});

afterAll(async () => {
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const interviewer: ChannelSender = { key: 'a'.repeat(64), fingerprint: 'aaaa', name: 'Ivy', role: 'interviewer' };
const hostile: ChannelSender = { key: 'e'.repeat(64), fingerprint: 'eeee', name: 'Eve', role: 'candidate' };

/** Wraps the interviewer's channel so that every message that reaches the candidate is logged as bytes. */
function logged(channel: RoomChannel, log: Buffer[]): RoomChannel {
  return {
    ...channel,
    selfKey: channel.selfKey,
    send(topic, payload, to) {
      if (to === undefined || to === hostile.key) log.push(Buffer.from(JSON.stringify({ topic, payload })));
      channel.send(topic, payload, to);
    },
    on: (topic, handler) => channel.on(topic, handler),
    members: () => channel.members(),
  };
}

describe('a hostile candidate peer', () => {
  it('receives no hidden input or answer, no note and no rubric during a whole interview', async () => {
    const received: Buffer[] = [];
    // The room doc: the candidate's copy gets every update the interviewer's doc makes.
    const ivDoc = new Y.Doc();
    const candDoc = new Y.Doc();
    ivDoc.on('update', (update: Uint8Array) => {
      received.push(Buffer.from(update));
      Y.applyUpdate(candDoc, update);
    });
    const [ivRaw, evilChannel] = channelPair(interviewer, hostile);
    const ivChannel = logged(ivRaw!, received);
    // The hostile peer also listens on every interview topic, as a logging client would.
    for (const topic of [TIMER_TOPIC, TIMER_SYNC_TOPIC, SAMPLE_RESULT_TOPIC, RUN_SAMPLES_TOPIC]) evilChannel!.on(topic, () => {});

    // The interviewer starts the interview and publishes the public part with the starter code.
    const problem = await api.interview.problemPublic({ id: 'two-sum' });
    const record = await api.interview.start({ problemId: 'two-sum', languages: ['python'] });
    ivDoc.transact(() => {
      publishInterview(ivDoc.getMap('meta'), roomInterviewOf(problem, ['python']));
      const text = new Y.Text();
      ivDoc.getMap<Y.Text>('files').set('main.py', text);
      text.insert(0, problem.starters.find((s) => s.language === 'python')!.content);
    });

    // Clock, sample runs served from the real judge, notes, rubric, a hidden run, a report.
    const clock = new TimerSync(ivChannel, 'interviewer', { onChange: () => {}, onWarning: () => {} });
    clock.start();
    clock.extend(5 * 60_000);
    clock.setLocked(true);
    clock.setLocked(false);
    serveSampleRuns(ivChannel, (r) => api.interview.judge({ id: record.id, language: r.language, entry: r.entry, files: r.files, tests: 'sample' }));
    const wrong = { language: 'python' as const, entry: 'main.py', files: [{ path: 'main.py', content: 'print(-1)\n' }] };
    const sampleRun = await requestSampleRun(evilChannel!, interviewer.key, wrong);
    expect(sampleRun.verdict).toBe('wrong-answer');
    // Asking for the hidden tests over the channel is refused (the request has no such field).
    evilChannel!.send(RUN_SAMPLES_TOPIC, { ...wrong, requestId: 'x', tests: 'secret' }, interviewer.key);
    ivDoc.getMap('meta').set(SAMPLE_RESULT_META_KEY, sampleVerdictsOf(sampleRun));
    await api.interview.addNote({ id: record.id, text: NOTE });
    await api.interview.setRubric({ id: record.id, rubric: { criteria: [{ name: 'Problem solving', score: 2 }], overall: 2, summary: RUBRIC_SUMMARY } });
    const hiddenRun = await api.interview.judge({ id: record.id, language: 'python', entry: 'main.py', files: wrong.files, tests: 'secret' });
    expect(hiddenRun.tests.some((t) => t.diff)).toBe(true);
    const report = await api.interview.report({ id: record.id, files: wrong.files });
    expect(readFileSync(report.htmlPath, 'utf8')).toContain(NOTE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    clock.dispose();

    const log = Buffer.concat(received).toString('utf8');
    expect(log.length).toBeGreaterThan(1000);
    expect(log).toContain('Gift Card Pair');
    expect(log).not.toContain(NOTE);
    expect(log).not.toContain('PRIVATE-');
    expect(log).not.toContain(RUBRIC_SUMMARY);
    expect(log).not.toContain('data/secret');
    // Every hidden input and answer that is not also public (a sample's, the statement's) is absent.
    const publicText = JSON.stringify(problem);
    const secretDir = path.join(root, 'problems/two-sum/data/secret');
    let checked = 0;
    for (const file of readdirSync(secretDir)) {
      const content = readFileSync(path.join(secretDir, file), 'utf8').trim();
      if (content.length < 5 || publicText.includes(content)) continue;
      checked++;
      expect(log.includes(content.slice(0, 200)), `${file} reached the candidate`).toBe(false);
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  }, 600_000);
});
