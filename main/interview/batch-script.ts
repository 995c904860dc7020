// Many runs in one `docker exec`. A test costs the program's own time plus a few forks, where an
// exec per test would add ~80 ms of Docker round trip each (DESIGN.md section 9): the outer
// cc-supervise phase runs a shell loop that starts a nested cc-supervise per test case — the same
// supervisor, so each test gets its own CPU and wall limits, its own CPU time, peak memory and
// OOM count, and has every process it started killed before the next test begins.
//
// After each test the loop writes one frame to the exec's stdout, three lines:
//   "\x1eT <index>" / base64 of the nested stdout / base64 of the nested stderr
// and "\x1eDONE <count>" at the end. The nested supervisor's end marker and report are the last
// lines of those files (it writes them after everything of the test is dead), so whatever the
// program printed before cannot stand in for them. The program shares the container's user with
// the loop, so it could write into the loop's stdout through /proc: the host accepts frames only
// in order, exactly one per test, and a DONE with the right count, and calls anything else a
// judge error rather than trust it.
import { randomBytes } from 'node:crypto';
import type { SupervisorReport } from '../sandbox/exec-phase';

/** Quotes for /bin/sh inside single quotes. */
export function shq(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export const SUPERVISOR = '/usr/local/bin/cc-supervise';

export interface BatchSpec {
  /** Folder (relative to /work) the phase's tar fills with 0.req, 1.req, … (see testRequest). */
  dir: string;
  count: number;
  /** What the frame's first line carries: the nested stdout, or a file the test's command wrote. */
  firstLine?: string;
  /** A shell command run before each test's supervisor (`$i` is the index): an interactor started beside it. */
  beforeEach?: string;
}

export interface TestRequestSpec {
  nonce: string;
  stdin: Uint8Array;
  /** The test's command, run by the nested supervisor's /bin/sh -c. */
  command: string;
  wallMs: number;
  cpuMs: number;
  /** Largest stdout (and stderr) file a test may write, enforced with RLIMIT_FSIZE. */
  outputBytes: number;
}

/**
 * One test's input to the nested cc-supervise, header and stdin together, made on the host and
 * shipped in the tar: the loop then only redirects a file, with no `cat` or pipe per test.
 */
export function testRequest(spec: TestRequestSpec): Buffer {
  const blocks = Math.ceil((spec.outputBytes + 1) / 512);
  const header = [
    `nonce ${spec.nonce}`,
    `stdin ${spec.stdin.length}`,
    `time_ms ${spec.wallMs}`,
    `cpu_ms ${spec.cpuMs}`,
    `cmd ulimit -f ${blocks}; ${spec.command.replace(/\n/g, ' ')}`,
  ].join('\n');
  return Buffer.concat([Buffer.from(`${header}\n\n`), spec.stdin]);
}

export function newNonce(): string {
  return randomBytes(12).toString('hex');
}

export function batchScript(spec: BatchSpec): string {
  const first = spec.firstLine ?? 'base64 -w0 /tmp/.cc-o';
  return [
    `D=${shq(spec.dir)}`,
    'i=0',
    `while [ $i -lt ${spec.count} ]; do ` +
      [
        ...(spec.beforeEach ? [spec.beforeEach] : []),
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
