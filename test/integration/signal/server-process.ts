// Runs a signalling server, ours (`codecrafter signal`) or y-webrtc's stock bin/server.js, as a
// child process on loopback, so attacks and benchmarks can watch its memory and whether it dies.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './redis';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

export type ServerKind = 'ours' | 'stock';

export interface ServerProcess {
  kind: ServerKind;
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote to stderr (the stock server's crash shows up here). */
  stderr(): string;
  alive(): boolean;
  rssBytes(): number;
  stop(): Promise<void>;
}

export async function startServerProcess(kind: ServerKind, extraArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const args =
    kind === 'ours'
      ? ['--import', 'tsx', path.join(root, 'main/cli/index.ts'), 'signal', '--port', String(port), ...extraArgs]
      : [path.join(root, 'node_modules/y-webrtc/bin/server.js')];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    if (stderr.length < 64 * 1024) stderr += c.toString();
  });
  const server: ServerProcess = {
    kind,
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    stderr: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
    rssBytes() {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) * 1024 : 0;
      } catch {
        return 0;
      }
    },
    async stop() {
      if (!server.alive()) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
  for (let i = 0; i < 200; i++) {
    if (!server.alive()) throw new Error(`${kind} server exited at start:\n${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      await res.arrayBuffer();
      return server;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await server.stop();
  throw new Error(`${kind} server did not start on port ${port}:\n${stderr}`);
}
