// Problem packages and the judge's verdicts (DESIGN.md section 6, issue 9). A problem is a
// Kattis/ICPC legacy package (https://www.kattis.com/problem-package-format/spec/legacy.html):
// problem.yaml, a Markdown statement, data/sample + data/secret (sub-folders are test groups with
// testdata.yaml), output_validators/, submissions/<expected verdict>/, plus our extension
// starters/<language id>/<default entry>. Packages come from strangers' zips, so everything read
// from one is parsed here with zod first; a bad one is refused naming the file and the field.
//
// Statements are stored and shipped as Markdown. LaTeX between $…$ and $$…$$ is kept as source:
// the renderer (markdown-it + DOMPurify) shows it verbatim in a math-styled span, since no LaTeX
// renderer is bundled; nothing in a statement is ever executed.
import { z } from 'zod';
import { LANGUAGE_IDS, type LanguageId } from './languages';

/** problem.yaml `limits` (legacy format: memory and output in MiB, time in seconds). */
export const ProblemLimitsSchema = z
  .object({
    time_limit: z.number().positive().max(60).optional(),
    time_multiplier: z.number().positive().max(100).optional(),
    time_safety_margin: z.number().positive().max(100).optional(),
    memory: z.number().int().positive().max(4096).optional(),
    output: z.number().int().positive().max(64).optional(),
    code: z.number().int().positive().optional(),
    compilation_time: z.number().positive().optional(),
    compilation_memory: z.number().int().positive().optional(),
    validation_time: z.number().positive().optional(),
    validation_memory: z.number().int().positive().optional(),
    validation_output: z.number().int().positive().optional(),
  })
  .loose();

export const PROBLEM_TYPES = ['pass-fail', 'scoring'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export const ProblemYamlSchema = z
  .object({
    name: z.union([z.string().min(1).max(200), z.record(z.string(), z.string().min(1).max(200))]).optional(),
    author: z.string().max(500).optional(),
    source: z.string().max(500).optional(),
    source_url: z.string().max(1000).optional(),
    license: z.string().max(100).optional(),
    rights_owner: z.string().max(500).optional(),
    uuid: z.string().max(100).optional(),
    type: z.string().max(100).default('pass-fail'),
    limits: ProblemLimitsSchema.default({}),
    validation: z.string().max(200).default('default'),
    validator_flags: z.union([z.string().max(1000), z.number()]).optional(),
    keywords: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .loose();
export type ProblemYaml = z.output<typeof ProblemYamlSchema>;

/** testdata.yaml of a test data folder (legacy format; `aggregation` is accepted as a short form). */
export const TestdataYamlSchema = z
  .object({
    // Legacy problemtools says `break` (the default) or `continue`; later drafts put first_error /
    // worst_error here. The judge runs every test either way, so the score is the same.
    on_reject: z.enum(['break', 'continue', 'first_error', 'worst_error']).optional(),
    grading: z.enum(['default', 'custom']).optional(),
    grader_flags: z.string().max(500).optional(),
    aggregation: z.enum(['sum', 'min', 'max', 'avg']).optional(),
    accept_score: z.number().optional(),
    reject_score: z.number().optional(),
    range: z.string().max(100).optional(),
    input_validator_flags: z.unknown().optional(),
    output_validator_flags: z.string().max(1000).optional(),
  })
  .loose();
export type TestdataYaml = z.output<typeof TestdataYamlSchema>;

/** The default output validator's flags (problemtools' default_validator semantics). */
export interface ValidatorFlags {
  caseSensitive: boolean;
  spaceChangeSensitive: boolean;
  floatAbsoluteTolerance: number | null;
  floatRelativeTolerance: number | null;
}

export const DEFAULT_VALIDATOR_FLAGS: ValidatorFlags = {
  caseSensitive: false,
  spaceChangeSensitive: false,
  floatAbsoluteTolerance: null,
  floatRelativeTolerance: null,
};

/** Parses "case_sensitive float_tolerance 1e-6 …"; throws with the offending word. */
export function parseValidatorFlags(text: string | number | undefined): ValidatorFlags {
  const flags = { ...DEFAULT_VALIDATOR_FLAGS };
  const words = String(text ?? '').split(/\s+/).filter(Boolean);
  const number = (i: number, name: string): number => {
    const value = Number(words[i]);
    if (words[i] === undefined || !Number.isFinite(value) || value < 0) throw new Error(`${name} needs a non-negative number after it`);
    return value;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === 'case_sensitive') flags.caseSensitive = true;
    else if (word === 'space_change_sensitive') flags.spaceChangeSensitive = true;
    else if (word === 'float_absolute_tolerance') flags.floatAbsoluteTolerance = number(++i, word);
    else if (word === 'float_relative_tolerance') flags.floatRelativeTolerance = number(++i, word);
    else if (word === 'float_tolerance') {
      const value = number(++i, word);
      flags.floatAbsoluteTolerance = value;
      flags.floatRelativeTolerance = value;
    } else throw new Error(`unknown validator flag "${word}"`);
  }
  return flags;
}

export const TEST_VERDICTS = [
  'accepted',
  'wrong-answer',
  'time-limit',
  'memory-limit',
  'runtime-error',
  'output-limit',
  'compile-error',
  'judge-error',
  'skipped',
] as const;
export type TestVerdict = (typeof TEST_VERDICTS)[number];
/** The overall verdict; `skipped` never is one. */
export type JudgeVerdict = Exclude<TestVerdict, 'skipped'>;

/** The submissions/ folder each verdict belongs in. */
export const SUBMISSION_FOLDERS: Record<string, JudgeVerdict> = {
  accepted: 'accepted',
  wrong_answer: 'wrong-answer',
  time_limit_exceeded: 'time-limit',
  run_time_error: 'runtime-error',
  memory_limit_exceeded: 'memory-limit',
  output_limit_exceeded: 'output-limit',
  compile_error: 'compile-error',
};

export interface TestCaseResult {
  /** The test's path without extension, e.g. "data/secret/group1/03". */
  name: string;
  /** The folder it belongs to, e.g. "data/secret/group1". */
  group: string;
  sample: boolean;
  verdict: TestVerdict;
  cpuMs: number | null;
  wallMs: number | null;
  peakMemoryKb: number | null;
  exitCode: number | null;
  signal: string | null;
  score: number | null;
  /** Why, in words, for every verdict but accepted. */
  message?: string;
  /** Expected against got, for wrong answers under the default validator. */
  diff?: string;
  /** The output validator's judgemessage.txt (or the default validator's reason). */
  feedback?: string;
  /** The head of the program's stderr, for runtime errors. */
  stderr?: string;
}

export interface GroupResult {
  group: string;
  verdict: JudgeVerdict | 'skipped';
  score: number | null;
}

export interface JudgeResult {
  problemId: string;
  language: LanguageId;
  verdict: JudgeVerdict;
  /** Null for pass-fail problems. */
  score: number | null;
  maxScore: number | null;
  timeLimitMs: number;
  /** Where the time limit came from. */
  timeLimitSource: 'problem' | 'derived' | 'default' | 'override';
  memoryMb: number;
  compile: { wallMs: number; cpuMs: number | null; output: string } | null;
  tests: TestCaseResult[];
  groups: GroupResult[];
  /** Wall time of the whole judging, compile included. */
  wallMs: number;
  message?: string;
}

export const JudgeOptionsSchema = z
  .object({
    language: z.enum(LANGUAGE_IDS).optional(),
    /** Which tests: samples only (what a candidate may run), secret only, or all (default). */
    tests: z.enum(['all', 'sample', 'secret']).default('all'),
    /** Stop at the first test that is not accepted (the rest are reported as skipped). */
    abortOnFirstFailure: z.boolean().default(false),
    /** Overrides the problem's CPU time limit per test, in ms. */
    timeLimitMs: z.number().int().min(100).max(60_000).optional(),
  })
  .strict();
export type JudgeOptions = z.input<typeof JudgeOptionsSchema>;

/**
 * What a candidate may see of a result: verdicts and times of every test, but the diff, the
 * feedback and the stderr only for samples, since they quote hidden input and answers.
 */
export function redactHiddenTests(result: JudgeResult): JudgeResult {
  return {
    ...result,
    tests: result.tests.map((t) => {
      if (t.sample) return t;
      const { diff: _d, feedback: _f, stderr: _s, ...rest } = t;
      return { ...rest, name: `hidden ${result.tests.filter((x) => !x.sample).indexOf(t) + 1}` };
    }),
  };
}

/** Problem ids are short names: lower-case letters, digits, "-" and "_". */
export const ProblemIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: 'a problem id is 1-64 lower-case letters, digits, "-" or "_"' });

export function problemIdFrom(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/\.zip$/, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 64);
  return id || 'problem';
}

/** A problem as the bank lists it. */
export interface ProblemSummary {
  id: string;
  name: string;
  type: ProblemType;
  validation: 'default' | 'custom';
  samples: number;
  secretTests: number;
  /** Languages with starter code. */
  starterLanguages: LanguageId[];
  /** The stated or derived limit; null until one is derived. */
  timeLimitMs: number | null;
  /** Where it came from: "shipped", a folder or a zip path. */
  origin: string;
  importedAt: number;
}
