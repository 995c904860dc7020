// A terminal in a room container (issue 10 item 3): `docker exec` with a TTY through dockerode,
// run inside the pty host process so its stream never crosses main's event loop. With Tty: true
// Docker sends raw bytes (no multiplexing headers); a StringDecoder keeps multibyte characters
// whole across chunks. Resize is exec.resize; the exit code comes from exec.inspect. When the
// stream ends for another reason (the container removed under us, Docker stopped) the terminal
// says so in its own output before it exits, so the user sees why.
import { randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { TerminalProcess } from './terminal-process';

export interface DockerExecSpec {
  container: string;
  /** The program to run with its arguments (a login shell by default). */
  cmd: string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
}

/** Exit code for a terminal whose exec could not report one (Docker gone, container removed). */
export const LOST_EXIT_CODE = 255;

function describeDockerError(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { statusCode?: number; json?: { message?: string } };
  if (e.code === 'ENOENT' || e.code === 'ECONNREFUSED') return 'Docker is not running';
  if (e.statusCode === 404) return 'the room container was removed';
  if (e.statusCode === 409) return "the room container is not running";
  return e.json?.message ?? e.message;
}

export async function startDockerExec(spec: DockerExecSpec, given?: Docker): Promise<TerminalProcess> {
  // Loaded on first use: dockerode (with ssh2 and its crypto) would otherwise slow the start of
  // every pty host, which most sessions use for local shells only.
  const docker = given ?? new (await import('dockerode')).default();
  let exec: Docker.Exec;
  let stream: Duplex;
  const token = randomBytes(8).toString('hex');
  try {
    exec = await docker.getContainer(spec.container).exec({
      // The shell notes its pid in the container's /tmp, so kill() can hang it up from inside
      // (Docker keeps an exec running when its client disconnects, and has no exec kill).
      Cmd: ['/bin/sh', '-c', 'echo $$ > "/tmp/.cc-terminal-$0.pid"; exec "$@"', token, ...spec.cmd],
      Tty: true,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      WorkingDir: spec.cwd,
      Env: Object.entries(spec.env).map(([k, v]) => `${k}=${v}`),
    });
    stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
  } catch (error) {
    throw new Error(`cannot open a shell in the room container: ${describeDockerError(error)}`, { cause: error });
  }
  await exec.resize({ w: spec.cols, h: spec.rows }).catch(() => {
    // The shell may not be up yet; the terminal's first fit resizes it again.
  });
  const inspected = await exec.inspect().catch(() => undefined);
  const decoder = new StringDecoder('utf8');
  let resizing: Promise<void> | null = null;
  const dataListeners: ((data: string) => void)[] = [];
  const exitListeners: ((exit: { exitCode: number; signal?: number }) => void)[] = [];
  let ended = false;
  const emit = (data: string) => data && dataListeners.forEach((l) => l(data));
  stream.on('data', (chunk: Buffer) => emit(decoder.write(chunk)));
  const finish = async (streamError?: Error) => {
    if (ended) return;
    ended = true;
    emit(decoder.end());
    let exitCode = LOST_EXIT_CODE;
    let why: string | undefined = streamError ? describeDockerError(streamError) : undefined;
    try {
      const state = await exec.inspect();
      if (state.ExitCode !== null && state.ExitCode !== undefined && !state.Running) exitCode = state.ExitCode;
      else why ??= 'the shell stopped answering';
    } catch (error) {
      why = describeDockerError(error);
    }
    // The shell's own exit code is not the whole story when its container went away with it; a
    // container being removed can still say "running" for a moment, so a killed shell looks twice.
    for (let attempt = 0; attempt < (exitCode >= 128 ? 10 : 1) && !why; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 200));
      try {
        const container = await docker.getContainer(spec.container).inspect();
        if (!container.State.Running) why = 'the room container stopped';
      } catch (error) {
        why = describeDockerError(error);
      }
    }
    if (why) emit(`\r\n\x1b[31m[${why}: this terminal has ended]\x1b[0m\r\n`);
    exitListeners.forEach((l) => l({ exitCode }));
  };
  stream.on('end', () => void finish());
  stream.on('close', () => void finish());
  stream.on('error', (error: Error) => void finish(error));
  const put = (data: string) => {
    if (!ended) stream.write(data);
  };
  return {
    pid: inspected?.Pid ?? 0,
    // Input waits for a resize sent before it (an HTTP call to dockerd), so a command typed just
    // after a resize sees the new size, as it would in a local pty.
    write: (data) => (resizing ? void resizing.then(() => put(data)) : put(data)),
    resize: (cols, rows) => {
      const done: Promise<void> = (resizing ?? Promise.resolve())
        .then(() => exec.resize({ w: cols, h: rows }))
        .then(
          () => undefined,
          () => {
            // A resize racing the end of the shell: the exit says what happened.
          },
        )
        .finally(() => {
          if (resizing === done) resizing = null;
        });
      resizing = done;
    },
    pause: () => stream.pause(),
    resume: () => stream.resume(),
    // SIGHUP, as closing a local pty sends: the shell and its jobs end.
    kill: () =>
      docker
        .getContainer(spec.container)
        .exec({ Cmd: ['/bin/sh', '-c', 'kill -HUP "$(cat "/tmp/.cc-terminal-$0.pid")"; rm -f "/tmp/.cc-terminal-$0.pid"', token] })
        .then((killer) => killer.start({ Detach: true }))
        .then(
          () => undefined,
          () => void stream.destroy(),
        ),
    onData: (listener) => void dataListeners.push(listener),
    onExit: (listener) => void exitListeners.push(listener),
  };
}
