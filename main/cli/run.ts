// `codecrafter run <files…>`: one run through the same engine the app uses. Output streams to
// this process's stdout/stderr (or, with --json, the result and the output come as one JSON
// object). The exit status tells the verdict, so scripts and CI can branch on it.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HostError } from '../../common/errors';
import { MAX_FILE_BYTES } from '../../common/file-limits';
import { LANGUAGE_IDS, languageForFile } from '../../common/languages';
import { parseRunRequest, type RunEvent, type Verdict } from '../../common/sandbox';
import { SandboxService } from '../sandbox/service';
import { runWorkspace } from './run-workspace';

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
Files may be anywhere: the sandbox's workspace is the entry's folder, or the folder that all the
given files share, so \`run ~/code/hello.py\` and \`run app/src/Main.java app/lib/Util.java\` work.
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

function readFile(file: string): string {
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) throw new HostError('invalid-argument', `${file} is ${size} bytes; a file may be at most ${MAX_FILE_BYTES} bytes`);
  return readFileSync(file, 'utf8');
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
    const { files, entry } = runWorkspace(positionals, values.entry, readFile);
    const language = values.lang ?? languageForFile(entry ?? files[0]!.path)?.id;
    if (!language) throw new HostError('invalid-argument', `cannot tell the language of ${entry ?? files[0]!.path}; pass --lang`);
    const stdin = values.stdin === undefined ? '' : readFileSync(values.stdin === '-' ? 0 : values.stdin, 'utf8');
    const limits = {
      timeMs: toInt(values['time-limit'], '--time-limit'),
      memoryMb: toInt(values['memory-limit'], '--memory-limit'),
      outputBytes: toInt(values['output-limit'], '--output-limit'),
    };

    // Parsed here, where the request enters; the service trusts what it is given.
    const request = parseRunRequest({
      language,
      files,
      entry,
      stdin,
      unsandboxed: values.unsandboxed === true,
      limits: Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
    });
    // --unsandboxed is the user's explicit consent for this one run; there is no room here.
    service = new SandboxService({ unsandboxed: () => ({ allowed: values.unsandboxed === true, hostingRoom: false }) });
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
    const handle = service.run(request, onEvent);
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
