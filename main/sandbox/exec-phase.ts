// Runs one phase (compile or run) in a warm container: one `docker exec` of cc-supervise
// (sandbox-images/base/supervise.c), fed a header, the workspace tar and stdin, streaming the
// program's stdout/stderr back while counting it. The supervisor's report is the last line of
// stderr, marked with a nonce the program never sees; it is cut out before output is emitted.
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type Docker from 'dockerode';
import { SANDBOX_USER, WORK_DIR } from './container-spec';

export interface SupervisorReport {
  exitCode: number;
  signal: number;
  timedOut: boolean;
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
  oomKills: number;
  error: string;
}

export interface PhaseSpec {
  cmd: string;
  timeMs: number;
  cpuMs: number;
  tar?: Buffer;
  stdin?: Buffer;
  /** Bytes of stdout + stderr allowed before the phase is stopped. */
  outputLimit: number;
  /**
   * A folder of the phase's own, /tmp/cc-run-<name>, made, used and removed by the supervisor
   * instead of /work: a room container's run, beside its other runs and its terminals.
   */
  dir?: string;
}

export type PhaseStop = 'output-limit' | 'cancelled' | 'deadline' | 'stream-error';

export interface PhaseOutcome {
  report: SupervisorReport | null;
  stopped: PhaseStop | null;
  outputBytes: number;
  hostWallMs: number;
  error?: string;
  /**
   * How cc-supervise itself ended when it sent no report: Docker's exit code of the exec
   * (128 + signal when killed), null when unknown. Set only when the phase was not stopped by us.
   */
  supervisorExitCode?: number | null;
}

/** Extra time the host waits past the supervisor's own limit before it kills the container. */
const DEADLINE_GRACE_MS = 3_000;

/** A started supervisor exec, attached and waiting for its header on stdin. */
export interface PhaseChannel {
  exec: Docker.Exec;
  socket: Duplex;
}

/**
 * Starts cc-supervise in a container. The pool does this ahead for warm containers, so a run
 * skips `docker exec` (tens of ms); the supervisor only reads its stdin until then, so no
 * untrusted code has run yet.
 */
export async function openPhase(container: Docker.Container, workingDir = WORK_DIR): Promise<PhaseChannel> {
  const exec = await container.exec({
    Cmd: ['/usr/local/bin/cc-supervise'],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    User: SANDBOX_USER,
    WorkingDir: workingDir,
  });
  const socket = (await exec.start({ hijack: true, stdin: true })) as Duplex;
  socket.on('error', () => {}); // reported by runPhase once it owns the channel
  return { exec, socket };
}

export async function runPhase(
  container: Docker.Container,
  spec: PhaseSpec,
  onOutput: (stream: 'stdout' | 'stderr', data: string) => void,
  signal: AbortSignal,
  stopContainer: () => void,
  prepared?: Promise<PhaseChannel>,
): Promise<PhaseOutcome> {
  const started = performance.now();
  const nonce = randomBytes(16).toString('hex');
  // A prepared channel that failed is replaced by a fresh one below; openPhase reports its own failure.
  let channel = prepared ? await prepared.catch(() => null) : null;
  // A channel prepared long ago may have died (daemon restart): open a fresh one.
  // A phase with a folder of its own starts where every container has one (/tmp); the supervisor moves in.
  if (!channel || channel.socket.destroyed || !channel.socket.writable || channel.socket.readableEnded) channel = await openPhase(container, spec.dir ? '/tmp' : WORK_DIR);
  const { exec, socket } = channel;

  const header =
    [
      `nonce ${nonce}`,
      spec.dir ? `dir ${spec.dir}` : '',
      // Its own folder means a container that lives on: a stop is a hang-up, not a container kill.
      spec.dir ? 'stop_on_hangup 1' : '',
      spec.tar ? `tar ${spec.tar.length}` : '',
      spec.stdin?.length ? `stdin ${spec.stdin.length}` : '',
      `time_ms ${spec.timeMs}`,
      `cpu_ms ${spec.cpuMs}`,
      `cmd ${spec.cmd.replace(/\n/g, ' ')}`,
      process.env.CODECRAFTER_SANDBOX_DEBUG ? 'debug 1' : '',
    ]
      .filter(Boolean)
      .join('\n') + '\n\n';

  return new Promise<PhaseOutcome>((resolve) => {
    let stopped: PhaseStop | null = null;
    let outputBytes = 0;
    let settled = false;
    let reportText: string | null = null;
    const marker = Buffer.from(`\x1eCCR:${nonce}:`);
    // Per stream: bytes held back (a marker may be split across frames) and, once the marker has
    // come, the text after it (stdout: "end\n"; stderr: the JSON report).
    const state = {
      stdout: { held: Buffer.alloc(0) as Buffer, after: null as string | null },
      stderr: { held: Buffer.alloc(0) as Buffer, after: null as string | null },
    };
    const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };

    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      let report: SupervisorReport | null = null;
      if (reportText !== null) {
        try {
          report = JSON.parse(reportText) as SupervisorReport;
        } catch {
          error ??= 'the supervisor report could not be read';
        }
      }
      const outcome: PhaseOutcome = { report, stopped, outputBytes, hostWallMs: performance.now() - started, error };
      if (report || stopped) return resolve(outcome);
      // No report and not stopped by us: the supervisor died. Its exit code tells who ended it.
      void supervisorExitCode(exec).then((code) => resolve({ ...outcome, supervisorExitCode: code }));
    };
    const stop = (why: PhaseStop) => {
      if (stopped || settled) return;
      stopped = why;
      // Closing the exec stream does not stop the program by itself: the supervisor kills it when
      // its stdin ends (finish closes it), and a pooled container is killed too.
      stopContainer();
      finish();
    };
    const onAbort = () => stop('cancelled');
    if (signal.aborted) return stop('cancelled');
    signal.addEventListener('abort', onAbort);
    const deadline = setTimeout(() => stop('deadline'), spec.timeMs + DEADLINE_GRACE_MS);

    const emit = (stream: 'stdout' | 'stderr', bytes: Buffer) => {
      if (bytes.length === 0 || stopped) return;
      const room = spec.outputLimit - outputBytes;
      const allowed = bytes.length > room ? bytes.subarray(0, Math.max(0, room)) : bytes;
      outputBytes += bytes.length;
      const text = decoders[stream].write(allowed);
      if (text) onOutput(stream, text);
      if (outputBytes > spec.outputLimit) stop('output-limit');
    };
    const onFrame = (stream: 'stdout' | 'stderr', bytes: Buffer) => {
      const s = state[stream];
      if (s.after !== null) {
        s.after += bytes.toString();
      } else {
        const all = s.held.length ? Buffer.concat([s.held, bytes]) : bytes;
        const at = all.indexOf(marker);
        if (at !== -1) {
          emit(stream, all.subarray(0, at));
          s.after = all.subarray(at + marker.length).toString();
          s.held = Buffer.alloc(0);
        } else {
          const cut = partialMarkerAt(all, marker);
          emit(stream, all.subarray(0, cut));
          s.held = Buffer.from(all.subarray(cut));
        }
      }
      // Done once stdout has its end marker and stderr a whole report line: the supervisor waits
      // for us to hang up, so nothing it wrote can be lost to the exec's exit.
      const newline = state.stderr.after?.indexOf('\n') ?? -1;
      if (state.stdout.after !== null && newline !== -1) {
        reportText = state.stderr.after!.slice(0, newline);
        finish();
      }
    };

    // Docker's multiplexed stream: 8-byte frame headers (stream id, size), then the payload.
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 8 && !settled) {
        const size = pending.readUInt32BE(4);
        if (pending.length < 8 + size) break;
        const kind = pending[0];
        const payload = pending.subarray(8, 8 + size);
        pending = pending.subarray(8 + size);
        if (kind === 1) onFrame('stdout', payload);
        else if (kind === 2) onFrame('stderr', payload);
      }
    });
    socket.on('end', () => {
      for (const stream of ['stdout', 'stderr'] as const) if (state[stream].after === null) emit(stream, state[stream].held);
      if (process.env.CODECRAFTER_SANDBOX_DEBUG && reportText === null) void exec.inspect().then((i) => console.error('DEBUG exec ended', JSON.stringify(i), JSON.stringify({ out: state.stdout.after, err: state.stderr.after, outputBytes })));
      finish(reportText === null ? 'the supervisor ended without a report' : undefined);
    });
    socket.on('close', () => finish(reportText === null ? 'the exec stream closed without a report' : undefined));
    socket.on('error', (e) => {
      if (!settled) {
        stopped = 'stream-error';
        finish(`exec stream failed: ${e.message}`);
      }
    });

    socket.write(header);
    if (spec.tar) socket.write(spec.tar);
    if (spec.stdin?.length) socket.write(spec.stdin);
  });
}

/** The exit code of a finished exec; Docker may still show it running for a moment after its stream ends. */
async function supervisorExitCode(exec: Docker.Exec): Promise<number | null> {
  for (let attempt = 0; attempt < 20; attempt++) {
    // The exec is gone with its container (killed, removed): there is no exit code to read.
    const info = await exec.inspect().catch(() => null);
    if (!info) return null;
    if (!info.Running) return info.ExitCode ?? null;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/** Where a tail of `data` that could be the start of `marker` begins (data.length if none). */
export function partialMarkerAt(data: Buffer, marker: Buffer): number {
  for (let i = Math.max(0, data.length - marker.length + 1); i < data.length; i++) {
    if (data[i] === marker[0] && marker.subarray(0, data.length - i).equals(data.subarray(i))) return i;
  }
  return data.length;
}
