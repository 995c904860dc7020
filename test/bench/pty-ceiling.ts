// The machine's ceiling for terminal output (issue 10 bench): how fast node-pty alone reads a
// program's output through a pty, with no terminal, no process hop and no flow control, and how
// much of the machine that takes. Run by terminal.bench.ts in its own process, before the flood,
// so it shares the CPU with nothing of the app's.
// Usage: node --import tsx test/bench/pty-ceiling.ts <bytes> <line>
import { readFileSync } from 'node:fs';
import * as pty from 'node-pty';

const [bytesArg, line] = process.argv.slice(2);
const lines = Math.floor(Number(bytesArg) / (line!.length + 2));

/** Busy and total jiffies of all CPUs together, from /proc/stat. */
function cpu(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + fields[4]!; // idle + iowait
  return { busy: total - idle, total };
}

const cpus = readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d/.test(l)).length;
const before = cpu();
const start = performance.now();
let chars = 0;
const child = pty.spawn('/bin/sh', ['-c', `yes '${line}' | head -n ${lines}`], { name: 'xterm-256color', cols: 120, rows: 30, cwd: process.cwd(), env: process.env as Record<string, string> });
child.onData((data) => (chars += data.length));
child.onExit(() => {
  const ms = performance.now() - start;
  const after = cpu();
  const busyCores = ((after.busy - before.busy) / (after.total - before.total)) * cpus;
  console.log(JSON.stringify({ MBps: chars / 2 ** 20 / (ms / 1000), ms, busyCores, cpus }));
});
