// Every language, end to end through the real dockerd: hello world, stdin echo, a multi-file
// program, a runtime error with its exit status or signal, and a compile error where there is a
// compiler. Needs the images (`npm run images`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, LANGUAGES } from '../../../common/languages';
import type { SandboxService } from '../../../main/sandbox/service';
import { containersOf, runToEnd, startService } from './helpers';
import { PROGRAMS } from './programs';

let service: SandboxService;

beforeAll(async () => {
  service = await startService({ maxConcurrent: 3 });
});

afterAll(async () => {
  await service?.dispose();
  if (service) expect(await containersOf(service)).toEqual([]);
});

const ECHO_INPUT = 'line one\nline two: ünïcödé ✓\n\nlast line without newline';

describe.concurrent.each(LANGUAGE_IDS)('%s', (language) => {
  const programs = PROGRAMS[language];
  const compiled = LANGUAGES[language].compile !== null;
  const timeout = LANGUAGES[language].tier === 'high' ? 90_000 : 60_000;

  it('runs hello world', { timeout }, async () => {
    const { result, stdout, stderr, compileOutput } = await runToEnd(service, { language, files: programs.hello });
    expect(result.verdict, `${result.message}\n${stderr}${compileOutput}`).toBe('ok');
    expect(stdout).toBe('Hello, World!\n');
    expect(result.sandboxed).toBe(true);
    expect(result.exitCode).toBe(0);
    expect(result.cpuMs).toBeGreaterThanOrEqual(0);
    expect(result.peakMemoryKb).toBeGreaterThan(0);
    if (compiled) expect(result.compile?.exitCode).toBe(0);
    else expect(result.compile).toBeNull();
  });

  it('echoes stdin', { timeout }, async () => {
    const { result, stdout, stderr } = await runToEnd(service, { language, files: programs.echo, stdin: ECHO_INPUT });
    expect(result.verdict, `${result.message}\n${stderr}`).toBe('ok');
    expect(stdout).toBe(ECHO_INPUT);
  });

  it('runs a program of several files in folders', { timeout }, async () => {
    const { result, stdout, stderr, compileOutput } = await runToEnd(service, { language, files: programs.multi });
    expect(result.verdict, `${result.message}\n${stderr}${compileOutput}`).toBe('ok');
    expect(stdout).toBe('sum=5\n');
  });

  it('reports a runtime error with its exit status or signal', { timeout }, async () => {
    const { result, stderr } = await runToEnd(service, { language, files: programs.crash.files });
    expect(result.verdict, result.message).toBe('runtime-error');
    expect(result.exitCode).toBe(programs.crash.exitCode);
    expect(result.signal).toBe(programs.crash.signal);
    expect(stderr).toMatch(programs.crash.stderr);
  });

  if (programs.compileError) {
    it('reports a compile error and does not run', { timeout }, async () => {
      const { result, compileOutput, stdout, events } = await runToEnd(service, { language, files: programs.compileError! });
      expect(result.verdict, result.message).toBe('compile-error');
      expect(result.compile?.exitCode).not.toBe(0);
      expect(compileOutput).toMatch(/main\.\w+/i); // every compiler names the file it rejects
      expect(stdout).toBe('');
      expect(events.some((e) => e.type === 'phase' && e.phase === 'run')).toBe(false);
    });
  }
});
