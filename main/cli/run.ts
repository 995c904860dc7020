// `codecrafter run <files…>`: one run through the same engine the app uses. Output streams to
// this process's stdout/stderr (or, with --json, the result and the output come as one JSON
// object). The exit status tells the verdict, so scripts and CI can branch on it.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HostError } from '../../common/errors';
import { LANGUAGE_IDS, languageForFile } from '../../common/languages';
import type { RunEvent, Verdict } from '../../common/sandbox';
import { SandboxService } from '../sandbox/service';

export const EXIT_STATUS: Record<Verdict, number> = {
  ok: 0,
  'compile-error': 3,
  'runtime-error': 4,
  'time-limit': 5,
  'memory-limit': 6,
  'output-limit': 7,
  cancelled: 8,
  'internal-error': 9,
};

const HELP = `usage: codecrafter run <file...> [options]

Runs the files in a fresh Docker sandbox (no network, read-only, limited) and reports the verdict.
Paths are taken relative to the current folder and must lie inside it.
  --entry <file>         the file to run (default: the language's main file, or the only one)
  --lang <language>      ${LANGUAGE_IDS.join(', ')} (default: from the entry's extension)
  --stdin <file>         feed this file to the program's stdin ("-" for this process's stdin)
  --time-limit <ms>      wall-time limit of the run
  --memory-limit <mb>    memory limit of the run
  --output-limit <bytes> stdout + stderr allowed
  --unsandboxed          run on this machine WITHOUT a sandbox (no Docker needed; your own rights)
  --json                 print one JSON object: { result, stdout, stderr, compileOutput }
Exit status: ${Object.entries(EXIT_STATUS).map(([v, n]) => `${n} ${v}`).join(', ')}, 2 bad usage.
`;

function toInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new HostError('invalid-argument', `${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

export default async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        entry: { type: 'string' },
        lang: { type: 'string' },
        stdin: { type: 'string' },
        'time-limit': { type: 'string' },
        'memory-limit': { type: 'string' },
        'output-limit': { type: 'string' },
        unsandboxed: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`codecrafter run: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`codecrafter run: no files given\n\n${HELP}`);
    return 2;
  }

  let service: SandboxService | null = null;
  try {
    const files = positionals.map((file) => {
      const relative = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
      if (statSync(file).size > 16 << 20) throw new HostError('invalid-argument', `${file} is larger than 16 MB`);
      return { path: relative, content: readFileSync(file, 'utf8') };
    });
    const entry = values.entry ? path.relative(process.cwd(), path.resolve(values.entry)).split(path.sep).join('/') : undefined;
    const language = values.lang ?? languageForFile(entry ?? files[0]!.path)?.id;
    if (!language) throw new HostError('invalid-argument', `cannot tell the language of ${entry ?? files[0]!.path}; pass --lang`);
    const stdin = values.stdin === undefined ? '' : readFileSync(values.stdin === '-' ? 0 : values.stdin, 'utf8');
    const limits = {
      timeMs: toInt(values['time-limit'], '--time-limit'),
      memoryMb: toInt(values['memory-limit'], '--memory-limit'),
      outputBytes: toInt(values['output-limit'], '--output-limit'),
    };

    service = new SandboxService({ warm: [], allowUnsandboxed: values.unsandboxed === true });
    const output = { stdout: '', stderr: '', compileOutput: '' };
    const onEvent = (event: RunEvent) => {
      if (event.type !== 'output') return;
      if (values.json) {
        if (event.phase === 'compile') output.compileOutput += event.data;
        else output[event.stream] += event.data;
      } else {
        (event.stream === 'stdout' ? process.stdout : process.stderr).write(event.data);
      }
    };
    const handle = service.run(
      { language, files, entry, stdin, unsandboxed: values.unsandboxed === true, limits: Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) },
      onEvent,
    );
    const stopOnSignal = () => service?.cancel(handle.runId);
    process.once('SIGINT', stopOnSignal);
    const result = await handle.result;
    process.off('SIGINT', stopOnSignal);
    if (values.json) {
      process.stdout.write(JSON.stringify({ result, ...output }, null, 2) + '\n');
    } else {
      const where = result.sandboxed ? '' : ' (UNSANDBOXED)';
      const usage = `${result.wallMs} ms wall, ${result.cpuMs ?? '?'} ms CPU, ${result.peakMemoryKb ?? '?'} KB peak`;
      process.stderr.write(`\n[${result.verdict}${where}] ${result.message ? `${result.message}; ` : ''}${usage}\n`);
    }
    return EXIT_STATUS[result.verdict];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (values.json) process.stdout.write(JSON.stringify({ error: message }) + '\n');
    else process.stderr.write(`codecrafter run: ${message}\n`);
    return 2;
  } finally {
    await service?.dispose();
  }
}
