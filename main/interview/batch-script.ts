// Many runs in one `docker exec` (issue 9). A test costs the program's own time plus a fork and an
// exec, where an exec per test would add ~80 ms of Docker round trip each (DESIGN.md section 9).
//
// Two ways, with the same frames back:
// - The batch (`cc-supervise --batch`, sandbox-images/base/batch.c): one process reads every
//   test's request from the phase's stdin (header and stdin, made here by testRequest) and runs
//   the tests one after another, each with its own CPU and wall limits, its own CPU time, peak
//   memory and OOM count, and every process it started killed before the next test begins.
// - The shell loop (batchScript), for interactive problems only: before each test it starts the
//   interactor beside the program, each under a nested cc-supervise of its own (interaction.ts).
//   Its per-test requests are files in the batch folder.
//
// After each test one frame goes to the exec's stdout, three lines:
//   "\x1eT <index>" / base64 of the test's stdout / base64 of its stderr
// and "\x1eDONE <count>" at the end. The supervisor's end marker and report are the last lines of
// those (written after everything of the test is dead), so whatever the program printed before
// cannot stand in for them. In the batch only the two supervisors, both not dumpable, hold the
// exec's stdout; in the shell loop the program shares the container's user with the loop and
// could write into the loop's stdout through /proc. Either way the host accepts frames only in
// order, exactly one per test, and a DONE with the right count, and calls anything else a judge
// error rather than trust it.
import { randomBytes } from 'node:crypto';
import type { SupervisorReport } from '../sandbox/exec-phase';

/** Quotes for /bin/sh inside single quotes. */
export function shq(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A validator's flags (problem.yaml `validator_flags`, testdata.yaml `output_validator_flags`) as
 * shell words: each flag its own argument, quoted only where it needs it, so that a command of
 * plain words can be started without a shell (batch.c).
 */
export function validatorArgs(flags: string): string {
  return flags
    .split(/\s+/)
    .filter(Boolean)
    .map((f) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(f) ? f : shq(f)))
    .join(' ');
}

export const SUPERVISOR = '/usr/local/bin/cc-supervise';

export interface BatchSpec {
  /** Folder (relative to /work) the phase's tar fills with 0.req, 1.req, … (see testRequest). */
  dir: string;
  count: number;
  /** What the frame's first line carries instead of the nested stdout (a shell command; `$i` is the index). */
  firstLine: string;
  /** A shell command run before each test's supervisor (`$i` is the index): an interactor started beside it. */
  beforeEach: string;
}

export interface TestRequestSpec {
  /** Only for a nested cc-supervise of the shell loop; the batch has one nonce for all tests. */
  nonce?: string;
  stdin: Uint8Array;
  /** The test's command: `exec` and plain words are started without a shell, anything else by /bin/sh -c. */
  command: string;
  wallMs: number;
  cpuMs: number;
  /** Largest stdout (and stderr, and any file) a test may write: more is output-limit (RLIMIT_FSIZE). */
  outputBytes: number;
  /** Batch only: a file the command writes whose head the frame carries instead of its stdout. */
  resultFile?: string;
  resultBytes?: number;
  /** Batch only: a folder emptied before the test (a validator's feedback folder). */
  cleanDir?: string;
}

/**
 * One test's request, header and stdin together, made on the host: the batch reads them one after
 * another from its stdin; the shell loop gives each file to a nested cc-supervise.
 */
export function testRequest(spec: TestRequestSpec): Buffer {
  const header = [
    ...(spec.nonce ? [`nonce ${spec.nonce}`] : []),
    `stdin ${spec.stdin.length}`,
    `time_ms ${spec.wallMs}`,
    `cpu_ms ${spec.cpuMs}`,
    // One byte over the limit, so that output of exactly the limit is written and then judged.
    `fsize ${spec.outputBytes + 1}`,
    ...(spec.resultFile ? [`result_file ${spec.resultFile}`, `result_bytes ${spec.resultBytes ?? 65_536}`] : []),
    ...(spec.cleanDir ? [`clean_dir ${spec.cleanDir}`] : []),
    `cmd ${spec.command.replace(/\n/g, ' ')}`,
  ].join('\n');
  return Buffer.concat([Buffer.from(`${header}\n\n`), spec.stdin]);
}

export interface BatchInputSpec {
  nonce: string;
  requests: Buffer[];
  /** A folder removed when the batch ends. */
  cleanup: string;
  /** The container's memory limit, in bytes, the batch waits for before its first test. */
  memoryBytes?: number;
}

/** The batch's stdin: its header, then every test's request. */
export function batchInput(spec: BatchInputSpec): Buffer {
  const header = [`nonce ${spec.nonce}`, `count ${spec.requests.length}`, `cleanup ${spec.cleanup}`, ...(spec.memoryBytes ? [`memory_max ${spec.memoryBytes}`] : [])];
  return Buffer.concat([Buffer.from(`${header.join('\n')}\n\n`), ...spec.requests]);
}

/** The phase command that runs a batch; it reads batchInput from the phase's stdin. */
export const BATCH_COMMAND = `exec ${SUPERVISOR} --batch`;

export function newNonce(): string {
  return randomBytes(12).toString('hex');
}

export function batchScript(spec: BatchSpec): string {
  const first = spec.firstLine;
  return [
    `D=${shq(spec.dir)}`,
    'i=0',
    `while [ $i -lt ${spec.count} ]; do ` +
      [
        spec.beforeEach,
        `${SUPERVISOR} <"$D/$i.req" >/tmp/.cc-o 2>/tmp/.cc-e`,
        `printf '\\036T %s\\n' "$i"`,
        first,
        `printf '\\n'`,
        'base64 -w0 /tmp/.cc-e',
        `printf '\\n'`,
        'i=$((i+1))',
      ].join('; ') +
      '; done',
    `rm -rf "$D" /tmp/.cc-o /tmp/.cc-e`,
    `printf '\\036DONE %s\\n' "$i"`,
  ].join('; ');
}

/** The record separator that starts every line the loop itself writes. */
const RS = '\x1e';

export interface Frame {
  index: number;
  first: Buffer;
  stderr: Buffer;
}

/** Reads frames from the loop's stdout as it streams; any deviation is kept as `broken`. */
export class FrameReader {
  private pending = '';
  private lines: string[] = [];
  private expected = 0;
  done = false;
  broken: string | null = null;

  constructor(private readonly onFrame: (frame: Frame) => void) {}

  push(text: string): void {
    if (this.broken) return;
    this.pending += text;
    let at: number;
    while ((at = this.pending.indexOf('\n')) !== -1) {
      this.lines.push(this.pending.slice(0, at));
      this.pending = this.pending.slice(at + 1);
      this.take();
      if (this.broken) return;
    }
  }

  private take(): void {
    const head = this.lines[0]!;
    if (this.done) return this.fail('output after the end of the batch');
    const done = head.startsWith(RS) ? /^DONE (\d+)$/.exec(head.slice(1)) : null;
    if (done) {
      if (Number(done[1]) !== this.expected) return this.fail(`the batch ended after ${done[1]} tests, ${this.expected} were reported`);
      this.done = true;
      this.lines = [];
      return;
    }
    const start = head.startsWith(RS) ? /^T (\d+)$/.exec(head.slice(1)) : null;
    if (!start || Number(start[1]) !== this.expected) return this.fail('unexpected text between test results');
    if (this.lines.length < 3) return;
    const [, first, stderr] = this.lines;
    this.lines = [];
    if (!/^[A-Za-z0-9+/=]*$/.test(first!) || !/^[A-Za-z0-9+/=]*$/.test(stderr!)) return this.fail('a test result is not base64');
    this.expected++;
    this.onFrame({ index: this.expected - 1, first: Buffer.from(first!, 'base64'), stderr: Buffer.from(stderr!, 'base64') });
  }

  private fail(why: string): void {
    this.broken = `the judge's stream from the sandbox was tampered with or cut (${why})`;
  }
}

/**
 * Cuts the nested supervisor's marker and report off a test's stdout and stderr. `stdout` is
 * null when the frame carried a file instead (the validator's feedback): then only the report
 * on stderr tells that the run finished.
 */
export function splitNested(nonce: string, stdout: Buffer | null, stderr: Buffer): { output: Buffer; stderr: Buffer; report: SupervisorReport | null } {
  const marker = Buffer.from(`\x1eCCR:${nonce}:`);
  const outAt = stdout ? stdout.lastIndexOf(marker) : 0;
  const errAt = stderr.lastIndexOf(marker);
  let report: SupervisorReport | null = null;
  if (errAt !== -1) {
    try {
      report = JSON.parse(stderr.subarray(errAt + marker.length).toString().trim()) as SupervisorReport;
    } catch {
      report = null;
    }
  }
  return {
    output: !stdout ? Buffer.alloc(0) : outAt === -1 ? stdout : stdout.subarray(0, outAt),
    stderr: errAt === -1 ? stderr : stderr.subarray(0, errAt),
    report: outAt === -1 ? null : report,
  };
}
