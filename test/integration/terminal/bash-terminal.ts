import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pty from 'node-pty';
import type { ShareableTerminal } from '../../../renderer/collab/shared-terminal-host';

/** A real bash in a pty (80×24, `$ ` prompt, a home of its own), with a record of every byte written to it. */
export function bashTerminal(): ShareableTerminal & { written: string[]; output: () => string; end: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-shared-term-'));
  const proc = pty.spawn('/bin/bash', ['--norc', '--noprofile'], { name: 'xterm-256color', cols: 80, rows: 24, cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PS1: '$ ', TERM: 'xterm-256color', HOME: dir } });
  let all = '';
  proc.onData((d) => (all += d));
  const written: string[] = [];
  return {
    title: 'bash',
    cols: 80,
    rows: 24,
    written,
    output: () => all,
    onData: (listener) => {
      const sub = proc.onData(listener);
      return () => sub.dispose();
    },
    write: (data) => {
      written.push(data);
      proc.write(data);
    },
    end: () => {
      proc.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
