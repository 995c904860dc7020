import type { ChildProcess } from 'node:child_process';

/** Asks a peer child process to stop, and kills it if it has not exited within 3 s. */
export async function stopChildPeer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.connected) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ cmd: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
