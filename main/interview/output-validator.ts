// Custom output validators (legacy format): `validator input answer feedback_dir [flags] <
// program_output`, exit 42 accepted, 43 wrong answer, feedback in feedback_dir/judgemessage.txt.
// They run in a sandbox of their own — never in the submission's container, which must not see
// the answers — one fresh container per judged submission, since they read untrusted output.
// A compiled validator is compiled once and its binary kept (by content hash) for later runs.
import { createHash } from 'node:crypto';
import { expandCommand, LANGUAGES } from '../../common/languages';
import { resolveLimits } from '../../common/sandbox';
import { BUILD_DIR } from '../sandbox/container-spec';
import type { SandboxPool } from '../sandbox/pool';
import { tarFiles } from '../sandbox/tar';
import { validatorArgs } from './batch-script';
import { JudgeBox, type SetupFile } from './judge-box';
import type { OutputValidator } from './problem-package';

export interface ValidationCase {
  input: Uint8Array;
  answer: Uint8Array;
  output: Uint8Array;
  flags: string;
}

export interface ValidationResult {
  accepted: boolean | null;
  feedback: string;
  /** Set when the validator itself failed (not 42/43): a judge error. */
  error?: string;
}

const VALIDATOR_WALL_MS = 30_000;
const FEEDBACK_BYTES = 64 << 10;
/** The feedback folder, emptied by the batch before each validation. */
const FEEDBACK_DIR = '/tmp/.cc-fb';

export class OutputValidatorRunner {
  private readonly binaries = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly pool: SandboxPool,
    private readonly signal: AbortSignal,
  ) {}

  private key(validator: OutputValidator): string {
    const hash = createHash('sha256');
    for (const f of validator.files) hash.update(f.path).update('\0').update(f.content).update('\0');
    return hash.digest('hex');
  }

  /** The compiled binary of a C/C++ validator, compiled on first use. */
  private binary(validator: OutputValidator): Promise<Buffer> {
    const key = this.key(validator);
    let made = this.binaries.get(key);
    if (!made) {
      made = this.compile(validator);
      this.binaries.set(key, made);
      made.catch(() => this.binaries.delete(key)); // a failed compile is tried again next time
    }
    return made;
  }

  private async compile(validator: OutputValidator): Promise<Buffer> {
    const lang = LANGUAGES[validator.language];
    const limits = resolveLimits(validator.language);
    const box = await JudgeBox.open(this.pool, validator.language, this.signal);
    try {
      const { outcome, stdout, stderr } = await box.phase({
        cmd: `mkdir -p ${BUILD_DIR} && ${expandCommand(lang.compile!, validator.entry, BUILD_DIR)} && base64 -w0 ${BUILD_DIR}/main`,
        timeMs: limits.compileTimeMs,
        cpuMs: limits.compileTimeMs,
        tar: await tarFiles(validator.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) }))),
        outputLimit: 64 << 20,
      });
      if (outcome.report?.exitCode !== 0 || !stdout) throw new Error(`the output validator did not compile: ${(stderr || outcome.error || 'no output').slice(0, 2000)}`);
      return Buffer.from(stdout.trim(), 'base64');
    } finally {
      box.close();
    }
  }

  /**
   * What a sandbox needs to run the validator: its files under `folder` (a C/C++ validator compiled
   * once, as an executable binary) and the command that starts it.
   */
  async installation(validator: OutputValidator, folder = 'v'): Promise<{ setupFiles: SetupFile[]; run: string }> {
    const compiled = LANGUAGES[validator.language].compile !== null;
    const binary = `${folder}/validator`;
    if (compiled) return { setupFiles: [{ path: binary, content: await this.binary(validator), executable: true }], run: binary };
    return {
      setupFiles: validator.files.map((f) => ({ path: `${folder}/${f.path}`, content: f.content })),
      run: expandCommand(LANGUAGES[validator.language].run, `${folder}/${validator.entry}`, BUILD_DIR),
    };
  }

  async validate(validator: OutputValidator, cases: ValidationCase[]): Promise<ValidationResult[]> {
    if (cases.length === 0) return [];
    const { setupFiles, run } = await this.installation(validator);
    const results: ValidationResult[] = [];
    const box = await JudgeBox.open(this.pool, validator.language, this.signal);
    try {
      const { error } = await box.runTests(
        cases.map((c) => ({ stdin: c.output, files: { ans: c.answer, input: c.input }, args: validatorArgs(c.flags) })),
        {
          setupFiles,
          command: `exec ${run} @D@/@I@.input @D@/@I@.ans ${FEEDBACK_DIR}/ @ARGS@`,
          wallMs: VALIDATOR_WALL_MS,
          cpuMs: VALIDATOR_WALL_MS,
          outputBytes: 1 << 20,
          result: { file: `${FEEDBACK_DIR}/judgemessage.txt`, bytes: FEEDBACK_BYTES, cleanDir: FEEDBACK_DIR },
          onResult: (_index, nested) => {
            const feedback = nested.first.toString('utf8');
            const exit = nested.report?.exitCode;
            if (exit === 42) results.push({ accepted: true, feedback });
            else if (exit === 43) results.push({ accepted: false, feedback });
            else
              results.push({
                accepted: null,
                feedback,
                error: `the output validator failed (${nested.report ? `exit status ${exit}${nested.report.signal ? `, signal ${nested.report.signal}` : ''}` : 'no report'}): ${nested.stderr.toString('utf8').slice(0, 1000)}`,
              });
            return true;
          },
        },
      );
      if (error) while (results.length < cases.length) results.push({ accepted: null, feedback: '', error });
      return results;
    } finally {
      box.close();
    }
  }
}
