import { z } from 'zod';
import { AuthorSchema, SessionIdSchema } from './history';
import { InterviewIdSchema, MAX_NOTE_CHARS, ReportIdSchema, RubricSchema, type InterviewInfo, type InterviewNote, type InterviewReport, type ProblemPublic, type Rubric } from './interview';
import { ProblemIdSchema, type JudgeResult, type ProblemSummary } from './problem';
import { method, type ServiceSpec } from './rpc';
import { LanguageIdSchema, MAX_FILES, RunFileSchema } from './sandbox';
import { WorkspacePathSchema } from './paths';

// The interview service of the host contract (issue 9): the problem bank, interviews, the judge,
// private notes, the rubric and reports. Everything here runs on the INTERVIEWER's machine; hidden
// tests, notes and the rubric never leave it (the candidate's page reads the room doc and the
// room channel only). Declared here and merged into common/contract.ts.

const Empty = z.object({}).strict().optional();
const HostPath = z
  .string()
  .min(1, 'Give a path.')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'The path contains a NUL character.');
const Interview = z.object({ id: InterviewIdSchema }).strict();

export const interviewContract = {
  listProblems: method<ProblemSummary[]>()(Empty),
  /** Imports a Kattis package folder or .zip (or a zip of inputNN/outputNN pairs) on this machine. */
  importProblem: method<{ id: string; replaced: boolean }>()(z.object({ path: HostPath }).strict()),
  /** Writes a problem back as a package: a .zip when `target` ends in .zip, else a new folder. */
  exportProblem: method<{ path: string }>()(z.object({ id: ProblemIdSchema, target: HostPath }).strict()),
  deleteProblem: method<boolean>()(z.object({ id: ProblemIdSchema }).strict()),
  /** What the candidate may see: statement, samples, starter code. */
  problemPublic: method<ProblemPublic>()(z.object({ id: ProblemIdSchema }).strict()),
  /** Makes the interview's folder (starter code of each language) and its private record. */
  start: method<InterviewInfo>()(z.object({ problemId: ProblemIdSchema, languages: z.array(LanguageIdSchema).min(1).max(10) }).strict()),
  get: method<InterviewInfo>()(Interview),
  list: method<InterviewInfo[]>()(Empty),
  /** Links the interview to the recording of its room (for notes on the replay timeline and the report). */
  attachSession: method<void>()(z.object({ id: InterviewIdSchema, sessionId: SessionIdSchema }).strict()),
  /** Judges the room's code: samples (the candidate's runs), secret (hidden) or all; kept in the record and the recording. */
  judge: method<JudgeResult>()(
    z
      .object({
        id: InterviewIdSchema,
        language: LanguageIdSchema,
        entry: WorkspacePathSchema,
        files: z.array(RunFileSchema).min(1).max(MAX_FILES),
        tests: z.enum(['sample', 'secret', 'all']),
        /**
         * Who asked, when not this machine's user (a candidate's sample run over the room channel):
         * their author id in the recording and their name. The run is recorded in the history with it.
         */
        requestedBy: z.object({ author: AuthorSchema, name: z.string().trim().min(1).max(200) }).strict().optional(),
      })
      .strict(),
  ),
  addNote: method<InterviewNote>()(
    z.object({ id: InterviewIdSchema, text: z.string().trim().min(1, 'Write something first.').max(MAX_NOTE_CHARS) }).strict(),
  ),
  deleteNote: method<void>()(z.object({ id: InterviewIdSchema, noteId: z.number().int().positive() }).strict()),
  setRubric: method<Rubric>()(z.object({ id: InterviewIdSchema, rubric: RubricSchema }).strict()),
  /** Writes the report (HTML, and a PDF through Chromium's print to PDF) with the room's final code. */
  report: method<InterviewReport>()(
    z.object({ id: InterviewIdSchema, files: z.array(RunFileSchema).max(MAX_FILES) }).strict(),
  ),
  /** Reports, newest first; of one recorded session when given. */
  reports: method<InterviewReport[]>()(z.object({ sessionId: SessionIdSchema.optional() }).strict().optional()),
  /** A report's file (base64), for the page to open or download. */
  readReport: method<{ name: string; mime: string; data: string }>()(z.object({ id: ReportIdSchema, kind: z.enum(['html', 'pdf']) }).strict()),
} satisfies ServiceSpec;
