import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contract, type Contract } from '../../../common/contract';
import { HistoryEventKindSchema } from '../../../common/history';
import { syncStep1Message } from '../../../common/history-sync';
import { createClient, type ClientOf } from '../../../common/rpc';
import { createInMemoryTransport } from '../../../main/host/memory-transport';
import { createHostServices, type HostServices } from '../../../main/host/services';

// Judge runs are history events (issue 9): the interviewer's hidden runs and the candidate's
// sample runs land in the room's recording at their time with their verdict, so the Replay
// timeline and the report's timeline show them; hidden tests' names, input and answers never
// do. The real services: the bank and the history in SQLite files, the judge in real Docker.

const root = path.resolve(import.meta.dirname, '../../..');
const ACCEPTED = readFileSync(path.join(root, 'problems/two-sum/submissions/accepted/sol.py'), 'utf8');
const WRONG = 'print(-1)\n';

let dir: string;
let services: HostServices;
let api: ClientOf<Contract>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-judge-history-'));
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
});

afterAll(async () => {
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('judge runs in the history', () => {
  it('records each run with its verdict at its time, shows it on the timeline and in the report, and keeps hidden tests out', async () => {
    const iv = await api.interview.start({ problemId: 'two-sum', languages: ['python'] });
    await api.workspace.open({ path: iv.folder });
    const live = await api.history.begin({ syncStep1: Buffer.from(syncStep1Message(new Y.Doc())).toString('base64') });
    await api.interview.attachSession({ id: iv.id, sessionId: live.sessionId });
    const code = (content: string) => ({ id: iv.id, language: 'python' as const, entry: 'main.py', files: [{ path: 'main.py', content }] });

    // The candidate asks for the samples (the interviewer's page judges them and says who asked).
    const beforeSample = Date.now();
    const sample = await api.interview.judge({ ...code(WRONG), tests: 'sample', requestedBy: { author: 'client:4242', name: 'Cal' } });
    const afterSample = Date.now();
    expect(sample.verdict).toBe('wrong-answer');
    // The interviewer runs the hidden tests.
    const hidden = await api.interview.judge({ ...code(ACCEPTED), tests: 'secret' });
    const afterHidden = Date.now();
    expect(hidden.verdict).toBe('accepted');
    const failing = await api.interview.judge({ ...code(WRONG), tests: 'secret' });
    expect(failing.verdict).toBe('wrong-answer');
    await api.history.flush({});
    const passed = (r: typeof sample) => r.tests.filter((t) => t.verdict === 'accepted').length;
    expect(passed(sample)).toBeLessThan(3);

    const timeline = await api.history.timeline({ sessionId: live.sessionId });
    const judged = timeline.markers.filter((m) => m.kind === 'judge');
    expect(judged.map((m) => [m.label, m.author])).toEqual([
      [`Sample tests — wrong-answer (${passed(sample)}/3 passed), asked by Cal`, 'client:4242'],
      ['Hidden tests — accepted (10/10 passed)', 'you'],
      [`Hidden tests — wrong-answer (${passed(failing)}/10 passed)`, 'you'],
    ]);
    // At the time of the verdict: after the run was asked for, by the time the call answered.
    expect(judged[0]!.time).toBeGreaterThanOrEqual(beforeSample);
    expect(judged[0]!.time).toBeLessThanOrEqual(afterSample);
    expect(judged[1]!.time).toBeGreaterThanOrEqual(afterSample);
    expect(judged[1]!.time).toBeLessThanOrEqual(afterHidden);

    const events = await api.history.events({ sessionId: live.sessionId, kinds: ['judge'] });
    expect(events.map((e) => e.event)).toEqual([
      { kind: 'judge', author: 'client:4242', requestedBy: 'Cal', tests: 'sample', entry: 'main.py', language: 'python', verdict: 'wrong-answer', passed: passed(sample), total: 3, score: null, maxScore: null, wallMs: sample.wallMs },
      { kind: 'judge', author: 'you', tests: 'secret', entry: 'main.py', language: 'python', verdict: 'accepted', passed: 10, total: 10, score: null, maxScore: null, wallMs: hidden.wallMs },
      expect.objectContaining({ kind: 'judge', tests: 'secret', verdict: 'wrong-answer', total: 10 }),
    ]);

    // The report's timeline lists the runs at their offsets in the recording, with their verdicts.
    const report = await api.interview.report({ id: iv.id, files: [{ path: 'main.py', content: ACCEPTED }] });
    const html = readFileSync(report.htmlPath, 'utf8');
    const offset = (time: number) => {
      const s = Math.max(0, Math.round((time - timeline.startTime) / 1000));
      return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    };
    expect(html).toContain(`<li>${offset(judged[0]!.time)} ${judged[0]!.label}</li>`);
    expect(html).toContain(`<li>${offset(judged[1]!.time)} Hidden tests — accepted (10/10 passed)</li>`);

    // Nothing of the hidden tests is in the recording: no name, no input, no answer, no diff.
    const all = JSON.stringify(await api.history.events({ sessionId: live.sessionId, kinds: HistoryEventKindSchema.options }));
    expect(all).not.toContain('data/secret');
    const secretDir = path.join(root, 'problems/two-sum/data/secret');
    let checked = 0;
    for (const file of readdirSync(secretDir)) {
      const content = readFileSync(path.join(secretDir, file), 'utf8').trim();
      if (content.length < 5) continue;
      checked++;
      expect(all.includes(content.slice(0, 200)), `${file} is in the recording`).toBe(false);
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(failing.tests.some((t) => t.diff)).toBe(true);
  }, 600_000);

  it('a run still answers when the recording has ended; it stays in the interview record', async () => {
    const iv = await api.interview.start({ problemId: 'two-sum', languages: ['python'] });
    await api.workspace.open({ path: iv.folder });
    const live = await api.history.begin({ syncStep1: Buffer.from(syncStep1Message(new Y.Doc())).toString('base64') });
    await api.interview.attachSession({ id: iv.id, sessionId: live.sessionId });
    await api.history.end({});
    const result = await api.interview.judge({ id: iv.id, language: 'python', entry: 'main.py', files: [{ path: 'main.py', content: ACCEPTED }], tests: 'sample' });
    expect(result.verdict).toBe('accepted');
    expect((await api.interview.get({ id: iv.id })).runs).toHaveLength(1);
    expect((await api.history.timeline({ sessionId: live.sessionId })).markers.filter((m) => m.kind === 'judge')).toEqual([]);
  }, 600_000);
});
