// Interviews, notes, rubric, judge runs and reports in interviews.sqlite (see interview-db.ts).
import { randomBytes } from 'node:crypto';
import { ErrorCode, HostError } from '../../common/errors';
import { emptyRubric, RubricSchema, type InterviewInfo, type InterviewNote, type InterviewReport, type Rubric, type StoredJudgeRun } from '../../common/interview';
import type { LanguageId } from '../../common/languages';
import type { JudgeResult } from '../../common/problem';
import type { SqliteDatabase } from '../store/database';
import { openInterviewDatabase } from './interview-db';

interface InterviewRow {
  id: string;
  problem_id: string;
  problem_name: string;
  languages: string;
  folder: string;
  started_at: number;
  session_id: string | null;
  rubric: string | null;
}

interface ReportRow {
  id: string;
  interview_id: string;
  session_id: string | null;
  title: string;
  created_at: number;
  html_path: string;
  pdf_path: string | null;
  pdf_error: string | null;
}

export function newInterviewId(): string {
  return `iv-${randomBytes(8).toString('hex')}`;
}

export function newReportId(): string {
  return `rp-${randomBytes(8).toString('hex')}`;
}

function parseRubric(text: string | null): Rubric {
  if (!text) return emptyRubric();
  const parsed = RubricSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : emptyRubric();
}

function toReport(r: ReportRow): InterviewReport {
  return {
    id: r.id,
    interviewId: r.interview_id,
    sessionId: r.session_id,
    title: r.title,
    createdAt: r.created_at,
    htmlPath: r.html_path,
    pdfPath: r.pdf_path,
    ...(r.pdf_error ? { pdfError: r.pdf_error } : {}),
  };
}

export class InterviewStore {
  private constructor(private readonly db: SqliteDatabase) {}

  static open(dataDir: string): InterviewStore {
    return new InterviewStore(openInterviewDatabase(dataDir));
  }

  create(fields: { id: string; problemId: string; problemName: string; languages: LanguageId[]; folder: string; startedAt: number }): InterviewInfo {
    this.db
      .prepare('INSERT INTO interviews (id, problem_id, problem_name, languages, folder, started_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(fields.id, fields.problemId, fields.problemName, fields.languages.join(','), fields.folder, fields.startedAt);
    return this.get(fields.id);
  }

  private row(id: string): InterviewRow {
    const row = this.db.prepare('SELECT * FROM interviews WHERE id = ?').get(id) as InterviewRow | undefined;
    if (!row) throw new HostError(ErrorCode.NotFound, `No interview ${id} on this machine.`);
    return row;
  }

  get(id: string): InterviewInfo {
    const row = this.row(id);
    return {
      id: row.id,
      problemId: row.problem_id,
      problemName: row.problem_name,
      languages: row.languages.split(',') as LanguageId[],
      folder: row.folder,
      startedAt: row.started_at,
      sessionId: row.session_id,
      notes: this.db.prepare('SELECT id, time, text FROM notes WHERE interview_id = ? ORDER BY time, id').all(id) as InterviewNote[],
      rubric: parseRubric(row.rubric),
      runs: (this.db.prepare('SELECT id, time, tests, entry, result FROM judge_runs WHERE interview_id = ? ORDER BY time, id').all(id) as Array<Omit<StoredJudgeRun, 'result'> & { result: string }>).map(
        (r) => ({ ...r, result: JSON.parse(r.result) as JudgeResult }),
      ),
    };
  }

  list(limit = 50): InterviewInfo[] {
    const ids = this.db.prepare('SELECT id FROM interviews ORDER BY started_at DESC LIMIT ?').all(limit) as { id: string }[];
    return ids.map((r) => this.get(r.id));
  }

  attachSession(id: string, sessionId: string): void {
    this.row(id);
    this.db.prepare('UPDATE interviews SET session_id = ? WHERE id = ?').run(sessionId, id);
  }

  addNote(id: string, text: string, time = Date.now()): InterviewNote {
    this.row(id);
    const info = this.db.prepare('INSERT INTO notes (interview_id, time, text) VALUES (?, ?, ?)').run(id, time, text);
    return { id: Number(info.lastInsertRowid), time, text };
  }

  deleteNote(id: string, noteId: number): void {
    if (this.db.prepare('DELETE FROM notes WHERE interview_id = ? AND id = ?').run(id, noteId).changes === 0) {
      throw new HostError(ErrorCode.NotFound, `No note ${noteId} in interview ${id}.`);
    }
  }

  setRubric(id: string, rubric: Rubric): Rubric {
    this.row(id);
    this.db.prepare('UPDATE interviews SET rubric = ? WHERE id = ?').run(JSON.stringify(rubric), id);
    return rubric;
  }

  addRun(id: string, tests: StoredJudgeRun['tests'], entry: string, result: JudgeResult, time = Date.now()): void {
    this.db.prepare('INSERT INTO judge_runs (interview_id, time, tests, entry, result) VALUES (?, ?, ?, ?, ?)').run(id, time, tests, entry, JSON.stringify(result));
  }

  addReport(report: InterviewReport): InterviewReport {
    this.db
      .prepare('INSERT INTO reports (id, interview_id, session_id, title, created_at, html_path, pdf_path, pdf_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(report.id, report.interviewId, report.sessionId, report.title, report.createdAt, report.htmlPath, report.pdfPath, report.pdfError ?? null);
    return report;
  }

  reports(sessionId?: string): InterviewReport[] {
    const rows = (
      sessionId
        ? this.db.prepare('SELECT * FROM reports WHERE session_id = ? ORDER BY created_at DESC').all(sessionId)
        : this.db.prepare('SELECT * FROM reports ORDER BY created_at DESC LIMIT 200').all()
    ) as ReportRow[];
    return rows.map(toReport);
  }

  report(reportId: string): InterviewReport {
    const row = this.db.prepare('SELECT * FROM reports WHERE id = ?').get(reportId) as ReportRow | undefined;
    if (!row) throw new HostError(ErrorCode.NotFound, `No report ${reportId} on this machine.`);
    return toReport(row);
  }

  close(): void {
    this.db.close();
  }
}
