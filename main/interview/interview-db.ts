// The interviewer's private record of interviews (issue 9): which problem, the room's recording,
// private notes, the rubric, judge runs and reports. Its own 0600 file beside the bank, since
// notes and hidden-test results are as private as the hidden tests.
import type { SqliteDatabase } from '../store/database';
import type { Migration } from '../store/database';
import { openPrivateDatabase } from './bank-db';

export const INTERVIEWS_FILE = 'interviews.sqlite';

export const INTERVIEW_MIGRATIONS: Migration[] = [
  {
    version: 1,
    up: `
      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        problem_id TEXT NOT NULL,
        problem_name TEXT NOT NULL,
        languages TEXT NOT NULL,
        folder TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        session_id TEXT,
        rubric TEXT
      );
      CREATE TABLE notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        time INTEGER NOT NULL,
        text TEXT NOT NULL
      );
      CREATE TABLE judge_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        time INTEGER NOT NULL,
        tests TEXT NOT NULL,
        entry TEXT NOT NULL,
        result TEXT NOT NULL
      );
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        session_id TEXT,
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        html_path TEXT NOT NULL,
        pdf_path TEXT,
        pdf_error TEXT
      );
      CREATE INDEX notes_by_interview ON notes (interview_id, time);
      CREATE INDEX runs_by_interview ON judge_runs (interview_id, time);
      CREATE INDEX reports_by_session ON reports (session_id, created_at);
    `,
  },
];

export function openInterviewDatabase(dataDir: string): SqliteDatabase {
  return openPrivateDatabase(dataDir, INTERVIEWS_FILE, INTERVIEW_MIGRATIONS);
}
