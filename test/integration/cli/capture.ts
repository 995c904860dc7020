// Runs a `codecrafter` command's module in this process (so coverage sees it) and collects what it
// writes to stdout and stderr. The command's real parts (SQLite, Docker, the file system) are used
// as they are; only the two output streams are caught instead of reaching the terminal.
import { vi } from 'vitest';

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));

/** Starts the command; `output` fills while it runs (for commands that serve until stopped). */
export function startCommand(command: (argv: string[]) => Promise<number>, argv: string[]): { output: CommandOutput; done: Promise<CommandOutput> } {
  const output: CommandOutput = { code: -1, stdout: '', stderr: '' };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => ((output.stdout += text(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => ((output.stderr += text(chunk)), true));
  const done = (async () => {
    try {
      output.code = await command(argv);
      return { ...output };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  })();
  return { output, done };
}

export function runCommand(command: (argv: string[]) => Promise<number>, argv: string[]): Promise<CommandOutput> {
  return startCommand(command, argv).done;
}
