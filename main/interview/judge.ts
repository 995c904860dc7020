// The judge: compile a submission once, run every test case one after another in ONE warm
// sandbox container that serves this submission only, validate each output (the default
// validator here, a custom one in its own sandbox), then score. Verdicts per test follow the
// Kattis legacy format; the overall verdict is the first rejected test's.
import { LANGUAGES, languageForFile, MIN_MEMORY_MB, TIER_LIMITS, type LanguageId } from '../../common/languages';
import {
  JudgeOptionsSchema,
  parseValidatorFlags,
  type JudgeOptions,
  type JudgeResult,
  type JudgeVerdict,
  type TestCaseResult,
} from '../../common/problem';
import { expandCommand } from '../../common/languages';
import { MAX_FILE_BYTES } from '../../common/file-limits';
import { MAX_FILES, MAX_WORKSPACE_BYTES, resolveLimits } from '../../common/sandbox';
import { workspacePathProblem } from '../../common/paths';
import { BUILD_DIR, MAX_FILE_SIZE_BYTES } from '../sandbox/container-spec';
import type { PhaseOutcome } from '../sandbox/exec-phase';
import { phaseResult, judgeCompile, signalName, type Judgement } from '../sandbox/verdict';
import type { SandboxPool } from '../sandbox/pool';
import { tarFiles } from '../sandbox/tar';
import { getLogger } from '../log/log-service';
import { defaultValidate } from './default-validator';
import { BEFORE_EACH, FIRST_LINE, INTERACTOR_FOLDER, interactorCommand, judgeInteraction, programCommand } from './interaction';
import { newNonce, testRequest } from './batch-script';
import { JudgeBox, type BatchTest, type NestedRun, type SetupFile } from './judge-box';
import { outputDiff } from './output-diff';
import { OutputValidatorRunner } from './output-validator';
import type { ProblemPackage, SourceFile, TestCase } from './problem-package';
import { scoreResults, testScore } from './scoring';
import { judgeTestRun, type TestLimits } from './test-verdict';
import { deriveTimeLimit, DEFAULT_TIME_LIMIT_MS } from './time-limit';

export interface SubmissionInput {
  files: SourceFile[];
  /** Defaults to the first file. */
  entry?: string;
  language?: LanguageId;
}

const STDERR_PREVIEW = 2_000;
const DEFAULT_OUTPUT_MB = 8;

const decoder = new TextDecoder('utf-8');
const log = getLogger('judge');

/** The validator flags that apply to a test: its group's (testdata.yaml) over the package's (problem.yaml). */
function validatorFlagsOf(pkg: ProblemPackage, test: TestCase): string {
  return pkg.groups.find((g) => g.path === test.group)?.effective.output_validator_flags ?? pkg.validatorFlagsText;
}

export class Judge {
  private readonly controller = new AbortController();
  private readonly validators: OutputValidatorRunner;
  private readonly derived = new Map<string, Promise<number>>();

  constructor(private readonly pool: SandboxPool) {
    this.validators = new OutputValidatorRunner(pool, this.controller.signal);
  }

  /** The CPU time limit per test and where it comes from. `known` is a limit derived earlier. */
  async timeLimit(pkg: ProblemPackage, known?: number | null): Promise<{ ms: number; source: JudgeResult['timeLimitSource'] }> {
    if (pkg.statedTimeLimitMs !== null) return { ms: pkg.statedTimeLimitMs, source: 'problem' };
    if (known) return { ms: known, source: 'derived' };
    const accepted = pkg.submissions.filter((s) => s.expected === 'accepted');
    if (accepted.length === 0) return { ms: DEFAULT_TIME_LIMIT_MS, source: 'default' };
    const key = `${pkg.id}:${pkg.tests.length}:${pkg.files.size}`;
    let derivation = this.derived.get(key);
    if (!derivation) {
      derivation = deriveTimeLimit(pkg, (submission, ms) => this.judge(pkg, submission, { timeLimitMs: ms })).then((d) => d.timeLimitMs);
      this.derived.set(key, derivation);
      derivation.catch(() => this.derived.delete(key));
    }
    return { ms: await derivation, source: 'derived' };
  }

  async judge(pkg: ProblemPackage, submission: SubmissionInput, options: JudgeOptions = {}, onTest?: (t: TestCaseResult) => void): Promise<JudgeResult> {
    const started = performance.now();
    const opts = JudgeOptionsSchema.parse(options);
    checkSubmission(submission);
    const entry = submission.entry ?? submission.files[0]!.path;
    const language = opts.language ?? submission.language ?? languageForFile(entry)?.id;
    if (!language) throw new Error(`cannot tell the language of ${entry}; pass --lang`);
    const lang = LANGUAGES[language];
    const tier = TIER_LIMITS[lang.tier];
    const time = opts.timeLimitMs ? { ms: opts.timeLimitMs, source: 'override' as const } : await this.timeLimit(pkg);
    const memoryMb = Math.min(Math.max(pkg.yaml.limits.memory ?? tier.run.memoryMb.default, MIN_MEMORY_MB), tier.run.memoryMb.max);
    const margin = pkg.yaml.limits.time_safety_margin ?? 2;
    const limits: TestLimits = {
      cpuMs: time.ms,
      // Wall time is only a backstop for programs that sleep or block; CPU time decides. It is
      // generous because a busy machine may give a program a fraction of a core.
      // (Measured: node programs on a 2-core machine at load 44 took over 10 s of wall time.)
      wallMs: Math.round(time.ms * margin * 3) + 5_000,
      memoryMb,
      outputBytes: (pkg.yaml.limits.output ?? DEFAULT_OUTPUT_MB) << 20,
    };
    const tests = pkg.tests.filter((t) => opts.tests === 'all' || (opts.tests === 'sample') === t.sample);
    const results: TestCaseResult[] = tests.map((t) => blank(t));
    const base = { problemId: pkg.id, language, timeLimitMs: time.ms, timeLimitSource: time.source, memoryMb };
    const finish = (compile: JudgeResult['compile'], message?: string): JudgeResult => {
      const scored = pkg.type === 'scoring' ? scoreResults(results, pkg.groups) : null;
      if (scored) for (const r of results) r.score = testScore(r.verdict, pkg.groups.find((g) => g.path === r.group)?.effective ?? {});
      const failed = results.find((r) => r.verdict !== 'accepted' && r.verdict !== 'skipped');
      const verdict: JudgeVerdict = failed ? (failed.verdict as JudgeVerdict) : results.every((r) => r.verdict === 'accepted') ? 'accepted' : 'judge-error';
      return {
        ...base,
        verdict,
        score: scored ? scored.score : null,
        maxScore: scored ? scored.maxScore : null,
        compile,
        tests: results,
        groups: scored?.groups ?? [],
        wallMs: Math.round(performance.now() - started),
        ...(message ? { message } : {}),
      };
    };
    if (tests.length === 0) return finish(null, 'the problem has no tests of this kind');

    let interaction: Awaited<ReturnType<Judge['interaction']>> = null;
    if (pkg.interactive) {
      try {
        interaction = await this.interaction(pkg, language, tests, limits);
      } catch (error) {
        const message = (error as Error).message;
        log.error({ err: error, problemId: pkg.id, language }, 'could not prepare the interactor');
        for (const r of results) Object.assign(r, { verdict: 'judge-error', message });
        return finish(null, message);
      }
    }

    const box = await JudgeBox.open(this.pool, language, this.controller.signal);
    let compile: JudgeResult['compile'] = null;
    const outputs = new Map<number, Buffer>();
    let ranError: string | null;
    try {
      const tarred = submission.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) }));
      const compileLimits = resolveLimits(language);
      const compileCommand = lang.compile ? `mkdir -p ${BUILD_DIR} && ${expandCommand(lang.compile, entry, BUILD_DIR)}` : null;
      // The compile runs as the batch's first request when the tests need no other memory limit
      // on the container than the compiler's (memoryByPeak below): one exec, one tar and one
      // round trip to the host fewer before the first test (issue 9). A failed compile stops the
      // batch there (onResult returns false).
      const compileInBatch = compileCommand !== null && !interaction && !lang.heapFromMemoryLimit && memoryMb <= box.limits.memoryMb;
      const compiled: { failed: Judgement | null } = { failed: null };
      const judgeCompileRun = (outcome: PhaseOutcome, output: string): Judgement | null => {
        const p = phaseResult(outcome);
        compile = { wallMs: p.wallMs, cpuMs: p.cpuMs, output: output.slice(0, 20_000) };
        return judgeCompile(outcome, compileLimits);
      };
      if (compileCommand !== null && !compileInBatch) {
        const { outcome, stdout, stderr } = await box.phase({
          cmd: compileCommand,
          timeMs: compileLimits.compileTimeMs,
          cpuMs: compileLimits.compileTimeMs,
          tar: await tarFiles(tarred),
          outputLimit: compileLimits.outputBytes,
        });
        compiled.failed = judgeCompileRun(outcome, stdout + stderr);
      }
      const compileRequest: BatchTest[] = compileInBatch
        ? [
            {
              stdin: new Uint8Array(),
              // The compiler may write files as large as the container allows (a binary); what it
              // prints is held to the compile output limit when its frame comes.
              own: { command: compileCommand!, wallMs: compileLimits.compileTimeMs, cpuMs: compileLimits.compileTimeMs, outputBytes: MAX_FILE_SIZE_BYTES - 1 },
            },
          ]
        : [];
      const first = compileRequest.length;
      const command = `exec ${expandCommand(lang.run, entry, BUILD_DIR)}`;
      const run = compiled.failed
        ? { ran: 0, error: null }
        : await box.runTests(
            [...compileRequest, ...(interaction?.tests ?? tests.map((t) => ({ stdin: t.input })))],
            {
              setupFiles: [...(lang.compile && !compileInBatch ? [] : tarred), ...(interaction?.setupFiles ?? [])],
              command: interaction ? programCommand(expandCommand(lang.run, entry, BUILD_DIR)) : command,
              ...(interaction ? { shellLoop: { beforeEach: BEFORE_EACH, firstLine: FIRST_LINE } } : {}),
              wallMs: limits.wallMs,
              cpuMs: limits.cpuMs,
              outputBytes: limits.outputBytes,
              memoryMb,
              // judgeTestRun holds each test to memoryMb by its peak, so the compiler's limit may stay as a cap.
              memoryByPeak: !lang.heapFromMemoryLimit,
              onResult: (at, nested) => {
                if (at < first) {
                  const outputBytes = nested.first.length + nested.stderr.length;
                  const outcome: PhaseOutcome = {
                    report: nested.report,
                    stopped: outputBytes > compileLimits.outputBytes ? 'output-limit' : null,
                    outputBytes,
                    hostWallMs: 0,
                  };
                  compiled.failed = judgeCompileRun(outcome, decoder.decode(nested.first) + decoder.decode(nested.stderr));
                  return compiled.failed === null;
                }
                const index = at - first;
                const test = tests[index]!;
                const result = results[index]!;
                const r = nested.report;
                Object.assign(result, {
                  cpuMs: r ? Math.round(r.cpuMs) : null,
                  wallMs: r ? Math.round(r.wallMs) : null,
                  peakMemoryKb: r?.maxRssKb ?? null,
                  exitCode: r && r.exitCode >= 0 ? r.exitCode : null,
                  signal: r ? signalName(r.signal) : null,
                });
                if (interaction) {
                  this.judgeInteractive(nested, interaction.nonce, limits, result);
                  onTest?.(result);
                  return result.verdict === 'accepted' || !opts.abortOnFirstFailure;
                }
                const judged = judgeTestRun(r, nested.first.length, limits);
                if (judged.verdict) {
                  result.verdict = judged.verdict;
                  result.message = judged.message;
                  if (judged.verdict === 'runtime-error' && nested.stderr.length) result.stderr = decoder.decode(nested.stderr.subarray(0, STDERR_PREVIEW));
                } else if (pkg.validation === 'default') {
                  this.validateDefault(pkg, test, nested.first, result);
                } else {
                  outputs.set(index, nested.first);
                  return true; // validated after the runs, in the validator's own sandbox
                }
                onTest?.(result);
                return result.verdict === 'accepted' || !opts.abortOnFirstFailure;
              },
            },
          );
      ranError = run.error;
      if (compiled.failed) {
        const failed = compiled.failed;
        const verdict = failed.verdict === 'compile-error' ? 'compile-error' : 'judge-error';
        for (const r of results) Object.assign(r, { verdict, message: failed.message });
        return finish(compile, failed.message);
      }
    } finally {
      box.close();
    }
    if (ranError) {
      for (const r of results) if (r.verdict === 'skipped' && !outputs.has(results.indexOf(r))) Object.assign(r, { verdict: 'judge-error', message: ranError });
      log.error({ problemId: pkg.id, language, error: ranError }, 'the tests did not all run');
    }
    if (pkg.validation === 'custom' && outputs.size > 0) await this.validateCustom(pkg, tests, results, outputs, opts.abortOnFirstFailure, onTest);
    return finish(compile);
  }

  /**
   * An interactive problem's tests: the interactor (compiled once) goes into the submission's
   * sandbox with each test's input and answer and a supervisor request of its own.
   */
  private async interaction(pkg: ProblemPackage, language: LanguageId, tests: TestCase[], limits: TestLimits): Promise<{ tests: BatchTest[]; setupFiles: SetupFile[]; nonce: string } | null> {
    const validator = pkg.validator!;
    // The interactor runs in the submission's sandbox: a compiled one runs in every image (they
    // share the base's C++ runtime), a Python one only where Python is.
    if (validator.language === 'python' && LANGUAGES[language].image !== 'python')
      throw new Error(
        `this problem's interactor is written in Python and the ${LANGUAGES[language].name} sandbox has no Python; the package needs a C or C++ interactor to judge ${LANGUAGES[language].name}`,
      );
    const { setupFiles, run } = await this.validators.installation(validator, INTERACTOR_FOLDER);
    const nonce = newNonce();
    return {
      nonce,
      setupFiles,
      tests: tests.map((t) => ({
        stdin: new Uint8Array(),
        files: {
          input: t.input,
          ans: t.answer,
          // A little longer than the program's backstop: when the program is stopped, the interactor still decides.
          vreq: testRequest({ nonce, stdin: new Uint8Array(), command: interactorCommand(run, validatorFlagsOf(pkg, t)), wallMs: limits.wallMs + 1_000, cpuMs: limits.wallMs, outputBytes: 1 << 20 }),
        },
      })),
    };
  }

  private judgeInteractive(nested: NestedRun, nonce: string, limits: TestLimits, result: TestCaseResult): void {
    const judged = judgeInteraction(nested, nonce, limits);
    result.verdict = judged.verdict;
    if (judged.message) result.message = judged.message;
    if (judged.feedback) result.feedback = judged.feedback;
    if (judged.stderr?.length) result.stderr = decoder.decode(judged.stderr.subarray(0, STDERR_PREVIEW));
  }

  private validateDefault(pkg: ProblemPackage, test: TestCase, output: Buffer, result: TestCaseResult): void {
    const flags = parseValidatorFlags(validatorFlagsOf(pkg, test));
    const answer = decoder.decode(test.answer);
    const got = decoder.decode(output);
    const judged = defaultValidate(answer, got, flags);
    if (judged.accepted) result.verdict = 'accepted';
    else {
      result.verdict = 'wrong-answer';
      result.message = 'the output is not the expected answer';
      result.feedback = judged.feedback;
      result.diff = outputDiff(answer, got);
    }
  }

  private async validateCustom(
    pkg: ProblemPackage,
    tests: TestCase[],
    results: TestCaseResult[],
    outputs: Map<number, Buffer>,
    abortOnFirstFailure: boolean,
    onTest?: (t: TestCaseResult) => void,
  ): Promise<void> {
    const indexes = [...outputs.keys()].sort((a, b) => a - b);
    let checked;
    try {
      checked = await this.validators.validate(
        pkg.validator!,
        indexes.map((i) => ({ input: tests[i]!.input, answer: tests[i]!.answer, output: outputs.get(i)!, flags: validatorFlagsOf(pkg, tests[i]!) })),
      );
    } catch (error) {
      const message = (error as Error).message;
      log.error({ err: error, problemId: pkg.id }, 'the output validator could not run');
      for (const i of indexes) Object.assign(results[i]!, { verdict: 'judge-error', message });
      return;
    }
    let failedBefore = results.findIndex((r) => r.verdict !== 'accepted' && r.verdict !== 'skipped');
    indexes.forEach((i, k) => {
      const result = results[i]!;
      if (abortOnFirstFailure && failedBefore !== -1 && failedBefore < i) return; // stays skipped
      const v = checked[k]!;
      if (v.accepted === true) result.verdict = 'accepted';
      else if (v.accepted === false) {
        result.verdict = 'wrong-answer';
        result.message = 'the output validator rejected the output';
      } else {
        result.verdict = 'judge-error';
        result.message = v.error;
      }
      if (v.feedback) result.feedback = v.feedback;
      if (result.verdict !== 'accepted' && failedBefore === -1) failedBefore = i;
      onTest?.(result);
    });
  }

  /** Stops what runs and removes every container the judge made. */
  async dispose(): Promise<void> {
    this.controller.abort(new Error('the judge was closed'));
    await this.pool.dispose();
  }
}

/** Submissions come from the command line, packages and (later) peers: paths and sizes are checked. */
function checkSubmission(submission: SubmissionInput): void {
  if (submission.files.length === 0) throw new Error('a submission needs at least one file');
  if (submission.files.length > MAX_FILES) throw new Error(`a submission has at most ${MAX_FILES} files`);
  let total = 0;
  for (const f of submission.files) {
    const problem = workspacePathProblem(f.path);
    if (problem) throw new Error(`submission file "${f.path.slice(0, 80)}": ${problem}`);
    if (f.content.length > MAX_FILE_BYTES) throw new Error(`submission file "${f.path}" is larger than ${MAX_FILE_BYTES} bytes`);
    total += f.content.length;
  }
  if (total > MAX_WORKSPACE_BYTES) throw new Error(`the submission is larger than ${MAX_WORKSPACE_BYTES} bytes`);
  if (submission.entry && !submission.files.some((f) => f.path === submission.entry)) throw new Error(`the entry "${submission.entry}" is not among the files`);
}

function blank(t: TestCase): TestCaseResult {
  return { name: t.name, group: t.group, sample: t.sample, verdict: 'skipped', cpuMs: null, wallMs: null, peakMemoryKb: null, exitCode: null, signal: null, score: null };
}
