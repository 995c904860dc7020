// Interview mode on the interviewer's machine (issue 9): the bank for the UI, interviews with
// their starter folder, judging the room's code (samples for the candidate, hidden tests for the
// interviewer), private notes, the rubric, and reports. Hidden tests, notes and the rubric are read
// and written here only; nothing of them is put in the room.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InterviewInfo, InterviewNote, InterviewReport, ProblemPublic, Rubric } from '../../common/interview';
import { LANGUAGES, type LanguageId } from '../../common/languages';
import type { JudgeResult, ProblemSummary } from '../../common/problem';
import { workspacePathProblem } from '../../common/paths';
import { ErrorCode, HostError } from '../../common/errors';
import type { HistoryEvent, Timeline } from '../../common/history';
import { LOCAL_AUTHOR } from '../../common/contract-history';
import { getLogger } from '../log/log-service';
import { openProblemBank } from './bank-location';
import { InterviewStore, newInterviewId, newReportId } from './interview-store';
import { Judge } from './judge';
import { openJudgePool } from './judge-pool';
import type { PdfPrinter } from './pdf-printer';
import type { ProblemBank } from './problem-bank';
import type { ProblemPackage } from './problem-package';
import { reportHtml, summariseTimeline } from './report-html';

const log = getLogger('interview');
const decoder = new TextDecoder('utf-8');

/** What the service needs from the recording (main/host passes the history service's handlers). */
export interface InterviewRecording {
  timeline(sessionId: string): Timeline | Promise<Timeline>;
  exportSession(sessionId: string): { path: string; name: string; sha256: string } | Promise<{ path: string; name: string; sha256: string }>;
  /** Adds an event to the live recording `sessionId`; rejects when that recording is not live. */
  record(sessionId: string, event: HistoryEvent): unknown;
}

export interface JudgeRequest {
  id: string;
  language: LanguageId;
  entry: string;
  files: Array<{ path: string; content: string }>;
  tests: 'sample' | 'secret' | 'all';
  /** Who asked, when not this machine's user (a candidate's sample run). */
  requestedBy?: { author: string; name: string };
}

/**
 * A judge run as the recording keeps it: which tests, the verdict and how many passed. No test's
 * name, input, output or diff, so a hidden test is never in the history or an exported session.
 */
export function judgeEvent(request: JudgeRequest, result: JudgeResult): Extract<HistoryEvent, { kind: 'judge' }> {
  return {
    kind: 'judge',
    author: request.requestedBy?.author ?? LOCAL_AUTHOR,
    ...(request.requestedBy ? { requestedBy: request.requestedBy.name } : {}),
    tests: request.tests,
    entry: request.entry,
    language: request.language,
    verdict: result.verdict,
    passed: result.tests.filter((t) => t.verdict === 'accepted').length,
    total: result.tests.length,
    score: result.score,
    maxScore: result.maxScore,
    wallMs: result.wallMs,
  };
}

export interface InterviewServiceOptions {
  dataDir: string;
  printer: PdfPrinter;
  recording?: InterviewRecording;
  /** The judge's sandbox pool; opened at the first judging by default. */
  openJudge?: () => Promise<Judge>;
}

export function statementOf(pkg: ProblemPackage): string {
  const english = pkg.statements.find((s) => s.language === 'en') ?? pkg.statements[0];
  return english?.markdown ?? `# ${pkg.name}\n\n(The package has no statement.)`;
}

export class InterviewService {
  private bankHandle: ProblemBank | null = null;
  private storeHandle: InterviewStore | null = null;
  private judgeHandle: Promise<Judge> | null = null;

  constructor(private readonly options: InterviewServiceOptions) {}

  private get bank(): ProblemBank {
    this.bankHandle ??= openProblemBank(this.options.dataDir);
    return this.bankHandle;
  }

  private get store(): InterviewStore {
    this.storeHandle ??= InterviewStore.open(this.options.dataDir);
    return this.storeHandle;
  }

  private judge(): Promise<Judge> {
    this.judgeHandle ??= (this.options.openJudge ?? (async () => new Judge(await openJudgePool())))();
    this.judgeHandle.catch(() => (this.judgeHandle = null));
    return this.judgeHandle;
  }

  listProblems(): ProblemSummary[] {
    return this.bank.list();
  }

  importProblem(source: string): { id: string; replaced: boolean } {
    if (!path.isAbsolute(source)) throw new HostError(ErrorCode.InvalidArgument, 'Give the package folder or .zip as an absolute path on this machine.');
    return this.bank.importPath(source);
  }

  exportProblem(id: string, target: string): { path: string } {
    if (!path.isAbsolute(target)) throw new HostError(ErrorCode.InvalidArgument, 'Give the export target as an absolute path (a new folder, or a file ending in .zip).');
    this.bank.export(id, target);
    return { path: target };
  }

  deleteProblem(id: string): boolean {
    return this.bank.delete(id);
  }

  problemPublic(id: string): ProblemPublic {
    const pkg = this.bank.get(id);
    return {
      id: pkg.id,
      name: pkg.name,
      type: pkg.type,
      markdown: statementOf(pkg),
      samples: pkg.tests.filter((t) => t.sample).map((t) => ({ name: t.name, input: decoder.decode(t.input), answer: decoder.decode(t.answer) })),
      starters: pkg.starters.flatMap((s) => s.files.map((f) => ({ language: s.language, path: f.path, content: decoder.decode(f.content) }))),
      timeLimitMs: pkg.statedTimeLimitMs ?? this.bank.derivedTimeLimit(pkg.id),
      memoryMb: pkg.yaml.limits.memory ?? null,
    };
  }

  /** A new folder holding the starter code of each chosen language (the room is shared from it). */
  start(problemId: string, languages: LanguageId[]): InterviewInfo {
    const problem = this.problemPublic(problemId);
    const id = newInterviewId();
    const folder = path.join(this.options.dataDir, 'interviews', id);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const written = new Set<string>();
    for (const language of new Set(languages)) {
      const starters = problem.starters.filter((s) => s.language === language);
      const files = starters.length ? starters : [{ language, path: LANGUAGES[language].defaultEntry, content: '' }];
      for (const file of files) {
        // Starter paths come from a package: the same rule as any workspace path.
        const problemText = workspacePathProblem(file.path);
        if (problemText || written.has(file.path)) continue;
        mkdirSync(path.dirname(path.join(folder, file.path)), { recursive: true });
        writeFileSync(path.join(folder, file.path), file.content);
        written.add(file.path);
      }
    }
    return this.store.create({ id, problemId, problemName: problem.name, languages: [...new Set(languages)], folder, startedAt: Date.now() });
  }

  get(id: string): InterviewInfo {
    return this.store.get(id);
  }

  list(): InterviewInfo[] {
    return this.store.list();
  }

  attachSession(id: string, sessionId: string): void {
    this.store.attachSession(id, sessionId);
  }

  async judgeRoomCode(request: JudgeRequest): Promise<JudgeResult> {
    const interview = this.store.get(request.id);
    const pkg = this.bank.get(interview.problemId);
    const judge = await this.judge();
    const known = this.bank.derivedTimeLimit(pkg.id);
    const time = await judge.timeLimit(pkg, known);
    if (time.source === 'derived' && known === null) this.bank.setDerivedTimeLimit(pkg.id, time.ms);
    const result = await judge.judge(
      pkg,
      { files: request.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) })), entry: request.entry, language: request.language },
      { tests: request.tests, language: request.language, timeLimitMs: time.ms },
    );
    result.timeLimitSource = time.source;
    this.store.addRun(request.id, request.tests, request.entry, result);
    await this.recordJudgeRun(interview.sessionId, request, result);
    return result;
  }

  /** The run goes into the room's recording too (the Replay timeline, the report's timeline). */
  private async recordJudgeRun(sessionId: string | null, request: JudgeRequest, result: JudgeResult): Promise<void> {
    if (!sessionId || !this.options.recording) return;
    try {
      await this.options.recording.record(sessionId, judgeEvent(request, result));
    } catch (error) {
      // The recording ended (the folder was closed): the run is still in the interview's record.
      log.warn({ err: error, interview: request.id, session: sessionId, tests: request.tests }, 'a judge run was not recorded in the history');
    }
  }

  addNote(id: string, text: string): InterviewNote {
    return this.store.addNote(id, text);
  }

  deleteNote(id: string, noteId: number): void {
    this.store.deleteNote(id, noteId);
  }

  setRubric(id: string, rubric: Rubric): Rubric {
    return this.store.setRubric(id, rubric);
  }

  async report(id: string, files: Array<{ path: string; content: string }>): Promise<InterviewReport> {
    const interview = this.store.get(id);
    const pkg = this.bank.get(interview.problemId);
    let timeline: Timeline | null = null;
    let sessionExport: { path: string; name: string; sha256: string } | null = null;
    if (interview.sessionId && this.options.recording) {
      try {
        timeline = await this.options.recording.timeline(interview.sessionId);
        sessionExport = await this.options.recording.exportSession(interview.sessionId);
      } catch (error) {
        // The report is still worth having without the recording's part; the log says why.
        log.warn({ err: error, interview: id, session: interview.sessionId }, 'report without its recording');
      }
    }
    const reportId = newReportId();
    const dir = path.join(this.options.dataDir, 'reports');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const createdAt = Date.now();
    const htmlPath = path.join(dir, `${reportId}.html`);
    writeFileSync(
      htmlPath,
      reportHtml({
        interview,
        statementMarkdown: statementOf(pkg),
        files,
        timeline: timeline ? summariseTimeline(timeline) : null,
        sessionStart: timeline?.startTime ?? null,
        sessionExport,
        createdAt,
      }),
      { mode: 0o600 },
    );
    const pdfPath = path.join(dir, `${reportId}.pdf`);
    let pdfError: string | undefined;
    try {
      await this.options.printer(htmlPath, pdfPath);
    } catch (error) {
      pdfError = (error as Error).message;
      log.warn({ err: error, report: reportId }, 'the report was not printed to PDF');
    }
    return this.store.addReport({
      id: reportId,
      interviewId: id,
      sessionId: interview.sessionId,
      title: `${interview.problemName} — ${new Date(createdAt).toISOString().slice(0, 16).replace('T', ' ')}`,
      createdAt,
      htmlPath,
      pdfPath: pdfError ? null : pdfPath,
      ...(pdfError ? { pdfError } : {}),
    });
  }

  reports(sessionId?: string): InterviewReport[] {
    return this.store.reports(sessionId);
  }

  readReport(reportId: string, kind: 'html' | 'pdf'): { name: string; mime: string; data: string } {
    const report = this.store.report(reportId);
    const file = kind === 'html' ? report.htmlPath : report.pdfPath;
    if (!file) throw new HostError(ErrorCode.NotFound, `This report has no PDF: ${report.pdfError ?? 'it was not printed'}.`);
    return { name: path.basename(file), mime: kind === 'html' ? 'text/html' : 'application/pdf', data: readFileSync(file).toString('base64') };
  }

  async dispose(): Promise<void> {
    this.bankHandle?.close();
    this.storeHandle?.close();
    const judge = await this.judgeHandle?.catch(() => null);
    await judge?.dispose();
  }
}
