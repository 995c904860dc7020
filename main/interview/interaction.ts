// Interactive problems (`validation: custom interactive`, issue 9): the package's validator is the
// interactor. For each test the batch loop starts it in the submission's sandbox, beside the
// program, under a nested cc-supervise of its own (its own CPU time, wall limit and exit status),
// as `interactor <input> <judge_answer> <feedback_dir> [flags]`. Two FIFOs on the tmpfs join them:
//   interactor stdout -> TO_PROGRAM -> program stdin;  program stdout -> FROM_PROGRAM -> interactor stdin.
// Both sides open TO_PROGRAM first and FROM_PROGRAM second, so neither waits forever on open().
// The program's own supervisor measures it as in a batch run; when it ends (or is killed at its
// limit, as in a deadlock) the interactor reads end-of-file and decides.
import os from 'node:os';
import type { TestVerdict } from '../../common/problem';
import { signalName } from '../sandbox/verdict';
import { SUPERVISOR, splitNested, validatorArgs } from './batch-script';
import type { NestedRun } from './judge-box';
import { judgeTestRun, type TestLimits } from './test-verdict';

const TO_PROGRAM = '/tmp/.cc-v2p';
const FROM_PROGRAM = '/tmp/.cc-p2v';
const FEEDBACK_DIR = '/tmp/.cc-fb';
const INTERACTOR_ERR = '/tmp/.cc-ve';
const FEEDBACK_BYTES = 64 << 10;
/** Where the interactor's files go in the submission's sandbox (apart from the submission's own). */
export const INTERACTOR_FOLDER = '.cc-interactor';

/** The program's command, reading from and writing to the interactor. */
export function programCommand(run: string): string {
  return `exec ${run} <${TO_PROGRAM} >${FROM_PROGRAM}`;
}

/** The interactor's command, for its own supervisor request; `$D` and `$i` come from the loop. */
export function interactorCommand(run: string, flags: string): string {
  // The FIFOs are opened first, so an interactor that cannot start ends the program's wait on open().
  return `exec >${TO_PROGRAM} <${FROM_PROGRAM}; exec ${run} "$D/$i.input" "$D/$i.ans" ${FEEDBACK_DIR}/ ${validatorArgs(flags)}`;
}

/** Run by the loop before each test's program: fresh FIFOs and feedback folder, the interactor in the background. */
export const BEFORE_EACH = [
  `rm -rf ${FEEDBACK_DIR} ${TO_PROGRAM} ${FROM_PROGRAM}`,
  `mkdir ${FEEDBACK_DIR}`,
  `mkfifo ${TO_PROGRAM} ${FROM_PROGRAM}`,
  `{ D="$D" i="$i" ${SUPERVISOR} <"$D/$i.vreq" >/tmp/.cc-vo 2>${INTERACTOR_ERR} & }`,
].join('; ');

/**
 * The frame's first line: after the interactor has ended, base64 of two base64 lines, its
 * judgemessage.txt and its stderr (which ends with its supervisor's report).
 */
export const FIRST_LINE =
  `wait; { head -c ${FEEDBACK_BYTES} ${FEEDBACK_DIR}/judgemessage.txt 2>/dev/null | base64 -w0; printf '\\n'; base64 -w0 ${INTERACTOR_ERR}; } | base64 -w0; ` +
  `rm -rf ${FEEDBACK_DIR} ${INTERACTOR_ERR} /tmp/.cc-vo ${TO_PROGRAM} ${FROM_PROGRAM}`;

export interface InteractionJudgement {
  verdict: Exclude<TestVerdict, 'skipped'>;
  message?: string;
  feedback?: string;
  /** The program's stderr when it crashed. */
  stderr?: Buffer;
  interactorExit: number | null;
}

/**
 * One test's verdict from both reports. The program's time, memory and crash verdicts come first
 * (as Kattis does), with one exception: a program killed by SIGPIPE after the interactor said
 * "wrong answer" and hung up gets wrong-answer. Then the interactor: 42 accepted, 43 wrong
 * answer, anything else a judge error.
 */
export function judgeInteraction(nested: NestedRun, interactorNonce: string, limits: TestLimits): InteractionJudgement {
  const [feedbackB64 = '', errB64 = ''] = nested.first.toString('latin1').split('\n');
  const feedback = Buffer.from(feedbackB64, 'base64').toString('utf8');
  const interactor = splitNested(interactorNonce, null, Buffer.from(errB64, 'base64'));
  const exit = interactor.report && !interactor.report.error ? interactor.report.exitCode : null;
  const base = { interactorExit: exit, ...(feedback ? { feedback } : {}) };
  // The program's output went to a FIFO, not a file: there is no output length to hold against it.
  const program = judgeTestRun(nested.report, 0, limits);
  const hungUp = nested.report?.signal === os.constants.signals.SIGPIPE && exit === 43;
  if (program.verdict && !(program.verdict === 'runtime-error' && hungUp)) {
    return { ...base, verdict: program.verdict, message: program.message, ...(program.verdict === 'runtime-error' ? { stderr: nested.stderr } : {}) };
  }
  if (exit === 42) return { ...base, verdict: 'accepted' };
  if (exit === 43) return { ...base, verdict: 'wrong-answer', message: 'the interactor rejected the interaction' };
  const r = interactor.report;
  const why = !r
    ? 'no report'
    : r.error
      ? r.error
      : r.timedOut
        ? `it ran longer than ${limits.wallMs} ms`
        : `exit status ${r.exitCode}${r.signal ? `, ${signalName(r.signal)}` : ''}`;
  return { ...base, verdict: 'judge-error', message: `the interactor failed (${why}): ${interactor.stderr.toString('utf8').slice(0, 1000)}` };
}
