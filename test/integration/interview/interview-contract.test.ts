import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Contract } from '../../../common/contract';
import { HostError } from '../../../common/errors';
import { createClient, type ClientOf } from '../../../common/rpc';
import { createInMemoryTransport } from '../../../main/host/memory-transport';
import { createHostServices, type HostServices } from '../../../main/host/services';
import { pdfText } from '../../pdf-text';

// The interview service through the contract with the real services behind it (issue 9): the
// shipped bank in SQLite, the judge in real Docker, notes and rubric in interviews.sqlite, the
// report printed by the real Chromium. Everything here runs on the interviewer's machine.

const root = path.resolve(import.meta.dirname, '../../..');
let dir: string;
let services: HostServices;
let api: ClientOf<Contract>;

const ACCEPTED = readFileSync(path.join(root, 'problems/two-sum/submissions/accepted/sol.py'), 'utf8');
const WRONG = 'print(-1)\n';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-interview-contract-'));
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
});

afterAll(async () => {
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

describe('interview contract', () => {
  it('lists the shipped bank and gives out only the public part of a problem', async () => {
    const problems = await api.interview.listProblems();
    expect(problems.length).toBeGreaterThanOrEqual(20);
    const twoSum = problems.find((p) => p.id === 'two-sum')!;
    expect(twoSum.secretTests).toBeGreaterThan(0);
    const pub = await api.interview.problemPublic({ id: 'two-sum' });
    expect(pub.name).toBe('Gift Card Pair');
    expect(pub.markdown).toContain('# Gift Card Pair');
    expect(pub.samples.map((s) => s.name)).toEqual(['data/sample/01', 'data/sample/02', 'data/sample/03']);
    expect(pub.starters.some((s) => s.language === 'python' && s.path === 'main.py')).toBe(true);
    // No hidden input or answer is in what a candidate may be shown.
    const wire = JSON.stringify(pub);
    const secretIn = readFileSync(path.join(root, 'problems/two-sum/data/secret/05.in'), 'utf8').trim();
    expect(secretIn.length).toBeGreaterThan(10);
    expect(wire).not.toContain(secretIn.slice(0, 40));
    expect(wire).not.toContain('data/secret');
  });

  it('exports and re-imports a problem, and refuses relative paths', async () => {
    const zip = path.join(dir, 'two-sum-export.zip');
    expect(await api.interview.exportProblem({ id: 'two-sum', target: zip })).toEqual({ path: zip });
    expect(statSync(zip).size).toBeGreaterThan(1000);
    expect((await failure(api.interview.importProblem({ path: 'problems/two-sum' }))).code).toBe('invalid-argument');
    expect((await failure(api.interview.exportProblem({ id: '../etc', target: zip }))).code).toBe('invalid-argument');
    const imported = await api.interview.importProblem({ path: zip });
    expect(imported).toEqual({ id: 'two-sum-export', replaced: false });
    expect(await api.interview.deleteProblem({ id: 'two-sum-export' })).toBe(true);
  });

  it('starts an interview, judges samples and hidden tests, keeps notes and the rubric, and writes the report with its PDF', async () => {
    const iv = await api.interview.start({ problemId: 'two-sum', languages: ['python', 'cpp'] });
    expect(iv.id).toMatch(/^iv-[0-9a-f]{16}$/);
    expect(readFileSync(path.join(iv.folder, 'main.py'), 'utf8')).toContain('TODO');
    expect(existsSync(path.join(iv.folder, 'main.cpp'))).toBe(true);
    expect(statSync(iv.folder).mode & 0o077).toBe(0);

    // A path that leaves the room is refused before anything runs.
    expect((await failure(api.interview.judge({ id: iv.id, language: 'python', entry: '../x.py', files: [{ path: '../x.py', content: '' }], tests: 'sample' }))).code).toBe('invalid-argument');

    const samples = await api.interview.judge({ id: iv.id, language: 'python', entry: 'main.py', files: [{ path: 'main.py', content: ACCEPTED }], tests: 'sample' });
    expect(samples.verdict).toBe('accepted');
    expect(samples.tests.every((t) => t.sample)).toBe(true);
    const hidden = await api.interview.judge({ id: iv.id, language: 'python', entry: 'main.py', files: [{ path: 'main.py', content: ACCEPTED }], tests: 'secret' });
    expect(hidden.verdict).toBe('accepted');
    expect(hidden.tests.length).toBe(10);
    const wrong = await api.interview.judge({ id: iv.id, language: 'python', entry: 'main.py', files: [{ path: 'main.py', content: WRONG }], tests: 'sample' });
    expect(wrong.verdict).toBe('wrong-answer');
    expect(wrong.tests[0]!.diff).toMatch(/1 2/);

    const note = await api.interview.addNote({ id: iv.id, text: 'Asked about duplicates <b>early</b>' });
    expect(note.time).toBeGreaterThan(0);
    const gone = await api.interview.addNote({ id: iv.id, text: 'to delete' });
    await api.interview.deleteNote({ id: iv.id, noteId: gone.id });
    expect((await failure(api.interview.addNote({ id: iv.id, text: '   ' }))).code).toBe('invalid-argument');
    await api.interview.setRubric({
      id: iv.id,
      rubric: { criteria: [{ name: 'Problem solving', score: 4 }, { name: 'Communication', score: 3 }], overall: 4, summary: 'Hire' },
    });
    expect((await failure(api.interview.setRubric({ id: iv.id, rubric: { criteria: [], overall: 5 as 4, summary: '' } }))).code).toBe('invalid-argument');

    const stored = await api.interview.get({ id: iv.id });
    expect(stored.notes.map((n) => n.text)).toEqual(['Asked about duplicates <b>early</b>']);
    expect(stored.runs.map((r) => [r.tests, r.result.verdict])).toEqual([
      ['sample', 'accepted'],
      ['secret', 'accepted'],
      ['sample', 'wrong-answer'],
    ]);

    const report = await api.interview.report({ id: iv.id, files: [{ path: 'main.py', content: ACCEPTED }] });
    expect(report.pdfError).toBeUndefined();
    const html = readFileSync(report.htmlPath, 'utf8');
    expect(html).toContain('Gift Card Pair');
    expect(html).toContain('first_seen');
    expect(html).toContain('Asked about duplicates &lt;b&gt;early&lt;/b&gt;');
    expect(html).toContain('Overall: 4 — Strong yes');
    expect(html).not.toMatch(/<script/i);
    // Chromium's kerning splits words in the PDF's text runs: compare without white space.
    const text = pdfText(readFileSync(report.pdfPath!)).replace(/\s+/g, '');
    expect(text).toContain('Interviewreport—GiftCardPair');
    expect(text).toContain('first_seen:dict[int,int]={}');
    expect(text).toContain('Hiddentests—accepted');
    expect(text).toContain('data/sample/01wrong-answer');
    expect(text).toContain('Overall:4—Strongyes');
    const listed = await api.interview.reports();
    expect(listed.map((r) => r.id)).toContain(report.id);
    const pdf = await api.interview.readReport({ id: report.id, kind: 'pdf' });
    expect(Buffer.from(pdf.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  }, 600_000);
});
