// Run requests, limits, verdicts and run events of the sandbox (DESIGN.md section 5), each declared
// once (issue 12). Requests are parsed once, where they enter: the host contract's `sandbox.run`
// (with checkRunLimits) for the app, parseRunRequest for the command line; the service trusts
// what reaches it.
import { z } from 'zod';
import { ErrorCode, HostError } from './errors';
import { MAX_FILE_BYTES } from './file-limits';
import { WorkspacePathSchema } from './paths';
import { LANGUAGE_IDS, LANGUAGES, MIN_MEMORY_MB, MIN_TIME_MS, OUTPUT_LIMIT_BYTES, TIER_LIMITS, type LanguageId } from './languages';

/** Bytes of all files of one run: two files of the editor's largest size fit. */
export const MAX_WORKSPACE_BYTES = 2 * MAX_FILE_BYTES;
export const MAX_FILES = 500;
export const MAX_STDIN_BYTES = 8 << 20;

export const LanguageIdSchema = z.enum(LANGUAGE_IDS, { error: () => `unknown language; expected one of ${LANGUAGE_IDS.join(', ')}` });

const positiveInt = (what: string) =>
  z
    .number({ error: () => `${what} must be a number` })
    .int({ error: () => `${what} must be a whole number` })
    .positive({ error: () => `${what} must be greater than zero` });

export const RunLimitsSchema = z
  .object({
    timeMs: positiveInt('timeMs').optional(),
    memoryMb: positiveInt('memoryMb').optional(),
    outputBytes: positiveInt('outputBytes').optional(),
  })
  .strict();
export type RunLimitsInput = z.infer<typeof RunLimitsSchema>;

export const RunFileSchema = z.object({ path: WorkspacePathSchema, content: z.string() }).strict();

/** UTF-8 length without TextEncoder allocations of the whole string twice. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

type IssueAdder = (message: string, path: (string | number)[]) => void;

function limitProblems(language: LanguageId, limits: RunLimitsInput | undefined, issue: IssueAdder): void {
  const tier = TIER_LIMITS[LANGUAGES[language].tier];
  const { timeMs, memoryMb, outputBytes } = limits ?? {};
  if (timeMs !== undefined && (timeMs < MIN_TIME_MS || timeMs > tier.run.timeMs.max))
    issue(`timeMs must be between ${MIN_TIME_MS} and ${tier.run.timeMs.max} for ${language}`, ['limits', 'timeMs']);
  if (memoryMb !== undefined && (memoryMb < MIN_MEMORY_MB || memoryMb > tier.run.memoryMb.max))
    issue(`memoryMb must be between ${MIN_MEMORY_MB} and ${tier.run.memoryMb.max} for ${language}`, ['limits', 'memoryMb']);
  if (outputBytes !== undefined && outputBytes > OUTPUT_LIMIT_BYTES.max) issue(`outputBytes may be at most ${OUTPUT_LIMIT_BYTES.max}`, ['limits', 'outputBytes']);
}

/** The language's limit ranges, for any schema with `language` and `limits` (the contract's run request too). */
export function checkRunLimits(value: { language: LanguageId; limits?: RunLimitsInput }, ctx: z.RefinementCtx): void {
  limitProblems(value.language, value.limits, (message, path) => ctx.addIssue({ code: 'custom', message, path }));
}

export const RunRequestSchema = z
  .object({
    language: LanguageIdSchema,
    files: z.array(RunFileSchema).min(1, { error: 'a run needs at least one file' }).max(MAX_FILES, { error: `a run takes at most ${MAX_FILES} files` }),
    /** The file to run; defaults to the language's default entry, or the only file. */
    entry: WorkspacePathSchema.optional(),
    /** The program's stdin; none when absent. */
    stdin: z.string().optional(),
    /** The language's defaults where absent (resolveLimits). */
    limits: RunLimitsSchema.optional(),
    /** Run on the host without any sandbox (solo use without Docker; opt-in, labelled in the result). */
    unsandboxed: z.boolean().optional(),
  })
  .strict()
  .superRefine((request, ctx) => {
    const issue = (message: string, path: (string | number)[] = []) => ctx.addIssue({ code: 'custom', message, path });
    const seen = new Set<string>();
    let total = 0;
    request.files.forEach((file, index) => {
      if (seen.has(file.path)) issue(`"${file.path}" is given twice`, ['files', index, 'path']);
      seen.add(file.path);
      const size = utf8Length(file.content);
      total += size;
      if (size > MAX_FILE_BYTES) issue(`"${file.path}" is ${size} bytes; a file may be at most ${MAX_FILE_BYTES} bytes`, ['files', index, 'content']);
    });
    if (total > MAX_WORKSPACE_BYTES) issue(`the files add up to ${total} bytes; a run takes at most ${MAX_WORKSPACE_BYTES} bytes`, ['files']);
    if (request.stdin !== undefined && utf8Length(request.stdin) > MAX_STDIN_BYTES) issue(`stdin may be at most ${MAX_STDIN_BYTES} bytes`, ['stdin']);
    const entry = resolveEntry(request.language, request.files, request.entry);
    if (!entry) {
      issue(
        request.entry
          ? `the entry file "${request.entry}" is not among the files`
          : `no entry file: give "entry" or a file named ${LANGUAGES[request.language].defaultEntry}`,
        ['entry'],
      );
    } else if (request.files.find((f) => f.path === entry)!.content.trim() === '') {
      issue(`the entry file "${entry}" is empty`, ['entry']);
    }
    limitProblems(request.language, request.limits, issue);
  });
export type RunRequest = z.output<typeof RunRequestSchema>;
/** The same shape: the schema has no defaults, so what is parsed is what was sent. */
export type RunRequestInput = RunRequest;

/** Parses a run request where it enters (the command line, a library caller); throws HostError(invalid-argument). */
export function parseRunRequest(input: unknown): RunRequest {
  const parsed = RunRequestSchema.safeParse(input);
  if (!parsed.success) throw new HostError(ErrorCode.InvalidArgument, `invalid run request: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function resolveEntry(language: LanguageId, files: { path: string }[], entry?: string): string | null {
  if (entry) return files.some((f) => f.path === entry) ? entry : null;
  const lang = LANGUAGES[language];
  const byDefault = files.find((f) => f.path === lang.defaultEntry);
  if (byDefault) return byDefault.path;
  const ofLanguage = files.filter((f) => lang.extensions.some((e) => f.path.endsWith(e)));
  return ofLanguage.length === 1 ? ofLanguage[0]!.path : files.length === 1 ? files[0]!.path : null;
}

export interface ResolvedLimits {
  timeMs: number;
  memoryMb: number;
  outputBytes: number;
  compileTimeMs: number;
  compileMemoryMb: number;
  pids: number;
}

export function resolveLimits(language: LanguageId, limits: RunLimitsInput = {}): ResolvedLimits {
  const tier = TIER_LIMITS[LANGUAGES[language].tier];
  return {
    timeMs: limits.timeMs ?? tier.run.timeMs.default,
    memoryMb: limits.memoryMb ?? tier.run.memoryMb.default,
    outputBytes: limits.outputBytes ?? OUTPUT_LIMIT_BYTES.default,
    compileTimeMs: tier.compile.timeMs,
    compileMemoryMb: Math.max(tier.compile.memoryMb, limits.memoryMb ?? 0),
    pids: tier.pids,
  };
}

export const VERDICTS = ['ok', 'compile-error', 'runtime-error', 'time-limit', 'memory-limit', 'output-limit', 'cancelled', 'internal-error'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** What one phase (compile or run) measured. Null where it was not measured (unsandboxed, killed). */
export interface PhaseResult {
  exitCode: number | null;
  /** Signal name, e.g. "SIGSEGV", when the process was killed by one. */
  signal: string | null;
  wallMs: number;
  cpuMs: number | null;
  peakMemoryKb: number | null;
}

export interface RunResult extends PhaseResult {
  runId: string;
  language: LanguageId;
  verdict: Verdict;
  /** False only for the opt-in host runner: the program ran with the user's own rights. */
  sandboxed: boolean;
  /** The program ran in the room's (or folder's) persistent container, with what was installed there. */
  inRoomContainer?: boolean;
  compile: PhaseResult | null;
  /** Bytes of stdout + stderr the program wrote (up to the point it was stopped). */
  outputBytes: number;
  limits: ResolvedLimits;
  /** Why, in words, for every verdict but ok: what happened and, where useful, what to do. */
  message?: string;
}

export type RunPhase = 'compile' | 'run';

export type RunEvent =
  | { runId: string; type: 'queued'; position: number }
  | { runId: string; type: 'phase'; phase: RunPhase }
  | { runId: string; type: 'output'; phase: RunPhase; stream: 'stdout' | 'stderr'; data: string }
  | { runId: string; type: 'done'; result: RunResult };

export const RunIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'not a run id' });

/** Turns zod issues into one readable line per problem. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
