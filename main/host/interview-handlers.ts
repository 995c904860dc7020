import type { Contract } from '../../common/contract';
import type { ImplOf } from '../../common/rpc';
import { chromiumPdfPrinter, type PdfPrinter } from '../interview/pdf-printer';
import { InterviewService, type InterviewRecording } from '../interview/interview-service';
import type { AreaHandlers, HostContext } from './host-context';

/**
 * The interview service's handlers (issue 9). Reports print with the Electron window when the
 * host has one (`printer`), else with Chromium headless. `recording` is the history: reports read
 * its timeline, and judge runs are recorded into it.
 */
export function createInterviewHandlers(
  ctx: HostContext,
  options: { printer?: PdfPrinter; recording?: InterviewRecording } = {},
): AreaHandlers<ImplOf<Contract>['interview']> {
  const service = new InterviewService({ dataDir: ctx.dataDir, printer: options.printer ?? chromiumPdfPrinter(), recording: options.recording });
  return {
    impl: {
      listProblems: () => service.listProblems(),
      importProblem: ({ path }) => service.importProblem(path),
      exportProblem: ({ id, target }) => service.exportProblem(id, target),
      deleteProblem: ({ id }) => service.deleteProblem(id),
      problemPublic: ({ id }) => service.problemPublic(id),
      start: ({ problemId, languages }) => service.start(problemId, languages),
      get: ({ id }) => service.get(id),
      list: () => service.list(),
      attachSession: ({ id, sessionId }) => service.attachSession(id, sessionId),
      judge: (request) => service.judgeRoomCode(request),
      addNote: ({ id, text }) => service.addNote(id, text),
      deleteNote: ({ id, noteId }) => service.deleteNote(id, noteId),
      setRubric: ({ id, rubric }) => service.setRubric(id, rubric),
      report: ({ id, files }) => service.report(id, files),
      reports: (arg) => service.reports(arg?.sessionId),
      readReport: ({ id, kind }) => service.readReport(id, kind),
    },
    dispose: () => service.dispose(),
  };
}
