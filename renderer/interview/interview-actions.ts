import type { Rubric } from '../../common/interview';
import { LANGUAGES, type LanguageId } from '../../common/languages';
import { MAX_FILES } from '../../common/sandbox';
import { interviewRoom } from '../app-context';
import { documents } from '../editor/documents';
import { api } from '../host';
import { workbench } from '../state/store';
import { attempt, notify, openFile, openFolder } from '../workbench/actions';
import { shareWorkspace } from '../collab/session';
import { replayState } from '../replay/replay-state';
import { interviewState } from './interview-state';
import { publishInterview, roomInterviewOf, SAMPLE_RESULT_META_KEY, sampleVerdictsOf } from './room-interview';
import { roomCode } from './room-code';

// What the Interview view does (issue 9): browse, import and export the bank; start an interview
// as a room; run the samples and the hidden tests; notes, rubric and the report. Everything
// private (hidden results, notes, rubric) goes to this machine's main only.

export async function loadProblems(): Promise<void> {
  try {
    interviewState.set({ problems: await api.interview.listProblems(), problemsError: null });
  } catch (error) {
    interviewState.set({ problemsError: error instanceof Error ? error.message : String(error) });
  }
}

export async function previewProblem(id: string | null): Promise<void> {
  if (!id) return interviewState.set({ preview: null });
  const problem = await attempt('Cannot show the problem', () => api.interview.problemPublic({ id }));
  if (problem) interviewState.set({ preview: problem });
}

export async function importProblem(path: string): Promise<boolean> {
  interviewState.set({ busy: 'Importing…' });
  try {
    const imported = await attempt('Cannot import the package', () => api.interview.importProblem({ path: path.trim() }));
    if (!imported) return false;
    notify(`Imported "${imported.id}"${imported.replaced ? ' (replaced the earlier one)' : ''}.`, 'info');
    await loadProblems();
    await previewProblem(imported.id);
    return true;
  } finally {
    interviewState.set({ busy: null });
  }
}

export async function exportProblem(id: string, target: string): Promise<boolean> {
  const exported = await attempt('Cannot export the problem', () => api.interview.exportProblem({ id, target: target.trim() }));
  if (exported) notify(`Exported "${id}" to ${exported.path}.`, 'info');
  return Boolean(exported);
}

/** Interviewer: a folder with the starter code, opened and shared as a room with the problem's public part. */
export async function startInterview(problemId: string, languages: LanguageId[]): Promise<boolean> {
  if (workbench.get().collab.room) {
    notify('Leave the current room before starting an interview.', 'warning');
    return false;
  }
  interviewState.set({ busy: 'Starting the interview…' });
  try {
    const problem = await attempt('Cannot read the problem', () => api.interview.problemPublic({ id: problemId }));
    const record = problem && (await attempt('Cannot start the interview', () => api.interview.start({ problemId, languages })));
    if (!problem || !record) return false;
    if (!(await openFolder(record.folder))) return false;
    await shareWorkspace();
    if (!workbench.get().collab.room) return false;
    const room = roomInterviewOf(problem, languages);
    publishInterview(documents.meta, room);
    interviewState.set({ side: 'interviewer', record, room, samples: null, hidden: null, report: null });
    interviewRoom.begin('interviewer');
    attachRecording(record.id);
    const first = room.starters.find((s) => s.language === languages[0])?.path ?? LANGUAGES[languages[0]!].defaultEntry;
    if (documents.files.has(first) || workbench.get().entries.some((e) => e.path === first)) await openFile(first);
    workbench.set({ sideView: 'interview', sideBarVisible: true });
    return true;
  } finally {
    interviewState.set({ busy: null });
  }
}

/** Links the interview to the room's recording once the history service has begun it. */
function attachRecording(id: string): void {
  const attach = (sessionId: string | null) => {
    if (!sessionId) return false;
    void attempt('Cannot link the interview to its recording', () => api.interview.attachSession({ id, sessionId })).then(() => refreshRecord());
    return true;
  };
  if (attach(replayState.get().recording.sessionId)) return;
  const dispose = replayState.subscribe(() => {
    if (attach(replayState.get().recording.sessionId)) dispose();
  });
}

export async function refreshRecord(): Promise<void> {
  const id = interviewState.get().record?.id;
  if (!id) return;
  const record = await attempt('Cannot read the interview', () => api.interview.get({ id }));
  if (record) interviewState.set({ record });
}

export async function runTests(which: 'samples' | 'hidden', language: LanguageId): Promise<void> {
  const record = interviewState.get().record;
  if (!record || interviewState.get().running) return;
  const { entry, files } = roomCode(language, interviewState.get().room, documents.files);
  if (!files.some((f) => f.path === entry)) return notify(`The room has no ${entry}: create it or pick another language.`, 'warning');
  interviewState.set({ running: which });
  try {
    const result = await attempt(which === 'samples' ? 'Cannot run the samples' : 'Cannot run the hidden tests', () =>
      api.interview.judge({ id: record.id, language, entry, files, tests: which === 'samples' ? 'sample' : 'secret' }),
    );
    if (!result) return;
    if (which === 'samples') {
      const samples = sampleVerdictsOf(result);
      // Public: sample verdicts and diffs only; the candidate's view shows them.
      documents.meta.set(SAMPLE_RESULT_META_KEY, samples);
      interviewState.set({ samples });
    } else interviewState.set({ hidden: result });
    await refreshRecord();
  } finally {
    interviewState.set({ running: null });
  }
}

export async function addNote(text: string): Promise<boolean> {
  const id = interviewState.get().record?.id;
  if (!id) return false;
  const note = await attempt('Cannot save the note', () => api.interview.addNote({ id, text }));
  if (note) await refreshRecord();
  return Boolean(note);
}

export async function deleteNote(noteId: number): Promise<void> {
  const id = interviewState.get().record?.id;
  if (!id) return;
  await attempt('Cannot delete the note', () => api.interview.deleteNote({ id, noteId }));
  await refreshRecord();
}

export async function saveRubric(rubric: Rubric): Promise<void> {
  const id = interviewState.get().record?.id;
  if (!id) return;
  if (await attempt('Cannot save the rubric', () => api.interview.setRubric({ id, rubric }))) {
    interviewState.set((s) => ({ record: s.record ? { ...s.record, rubric } : s.record }));
    notify('Rubric saved.', 'info');
  }
}

export async function makeReport(): Promise<void> {
  const record = interviewState.get().record;
  if (!record) return;
  interviewState.set({ busy: 'Writing the report…' });
  try {
    // The recording must hold the last edits before the report reads its timeline.
    await api.history.flush({}).catch(() => null);
    const files = [...documents.files.entries()].slice(0, MAX_FILES).map(([path, text]) => ({ path, content: text.toString() }));
    const report = await attempt('Cannot write the report', () => api.interview.report({ id: record.id, files }));
    if (!report) return;
    interviewState.set({ report });
    if (report.pdfError) notify(`The HTML report is written; the PDF is not: ${report.pdfError}`, 'warning');
    else notify('Report written (HTML and PDF).', 'info');
  } finally {
    interviewState.set({ busy: null });
  }
}

function download(name: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Shows a report in the app (a sandboxed frame: no script, the page's CSP), or downloads its HTML
 * or PDF. The frame works in both hosts; Electron denies new windows.
 */
export async function openReport(reportId: string, kind: 'view' | 'html' | 'pdf', title = 'Interview report'): Promise<void> {
  const file = await attempt('Cannot open the report', () => api.interview.readReport({ id: reportId, kind: kind === 'pdf' ? 'pdf' : 'html' }));
  if (!file) return;
  if (kind === 'view') {
    const html = new TextDecoder().decode(Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)));
    interviewState.set({ viewing: { title, html } });
  } else download(file.name, file.mime, file.data);
}
