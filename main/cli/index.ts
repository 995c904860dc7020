#!/usr/bin/env node
// `codecrafter <command>`: one entry for every headless use of the services (DESIGN.md section 8).
// Each command lives in its own module and is loaded only when asked for, so `codecrafter run`
// never pays for the web host's start-up and vice versa.

type CommandModule = { default: (argv: string[]) => Promise<number> };

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  web: { summary: 'start the browser host (HTTP + WebSocket on 127.0.0.1 with a token)', load: () => import('./web') },
  signal: { summary: 'run the y-webrtc signalling server (127.0.0.1:4444; --redis to scale out)', load: () => import('./signal') },
  images: { summary: 'build the sandbox images that are missing (--base <image> to start from a registry image)', load: () => import('./images') },
  run: { summary: 'run files in a sandbox: run <file...> [--entry f] [--lang l] [--stdin file] [--json]', load: () => import('./run') },
  history: { summary: 'session history: import-trace <trace>, list, export <id> <file>, import <file>, prune', load: () => import('./history') },
  problems: { summary: 'the problem bank: import <dir|zip>, list, export <id> <dir|zip>, delete <id> [--json]', load: () => import('./problems') },
  judge: { summary: 'judge a submission: judge <problem id|package> <files...> [--lang l] [--json]', load: () => import('./judge') },
  replay: { summary: 'print every file of a recorded session at a point: replay <session> --at <n|time> [--json]', load: () => import('./replay') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: codecrafter <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`codecrafter: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const mod = await command.load();
  return mod.default(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`codecrafter: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
