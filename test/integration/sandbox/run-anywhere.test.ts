// Issue 11: `codecrafter run` takes files anywhere on disk, and entries in sub-folders run in every
// language. Each language's hello world is written to a temp folder outside the checkout and run
// through the real CLI and the real dockerd, with the entry at the workspace root and in a
// sub-folder (a README at the root makes the root the files' common folder). Java also runs a
// `public class HelloWorld` kept in test.java, as Piston runs it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, LANGUAGES } from '../../../common/languages';
import { EXIT_STATUS } from '../../../main/cli/run';
import { Limiter } from '../../../main/sandbox/limiter';
import { PROGRAMS } from './programs';

const checkout = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const tsx = path.join(checkout, 'node_modules/.bin/tsx');
const cli = path.join(checkout, 'main/cli/index.ts');
const outside = mkdtempSync(path.join(os.tmpdir(), 'cc-run-anywhere-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

// Each CLI run starts its own service and a cold container: three at once fill two cores.
const cliSlots = new Limiter(3, Number.POSITIVE_INFINITY);

interface CliRun {
  status: number | null;
  json: { result?: { verdict: string; message?: string }; stdout?: string; stderr?: string; compileOutput?: string; error?: string };
  stderr: string;
}

function codecrafter(args: string[]): Promise<CliRun> {
  return cliSlots.run(
    () =>
      new Promise<CliRun>((resolve, reject) => {
        // From the checkout, so every path given lies outside the current folder (the old "..").
        const child = spawn(tsx, [cli, 'run', ...args, '--json'], { cwd: checkout, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', reject);
        child.on('close', (status) => {
          try {
            resolve({ status, json: JSON.parse(stdout) as CliRun['json'], stderr });
          } catch {
            reject(new Error(`codecrafter run printed no JSON (status ${status}):\n${stdout}\n${stderr}`));
          }
        });
      }),
  );
}

function write(file: string, content: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const explain = (r: CliRun) => `${r.json.result?.message ?? r.json.error}\n${r.json.compileOutput ?? ''}${r.json.stderr ?? ''}${r.stderr}`;

describe.concurrent.each(LANGUAGE_IDS)('%s from a folder outside the checkout', (language) => {
  const [hello] = PROGRAMS[language].hello;
  const timeout = LANGUAGES[language].tier === 'high' ? 240_000 : 180_000;

  it('runs with its entry at the root', { timeout }, async () => {
    const entry = write(path.join(outside, `${language}-root`, hello!.path), hello!.content);
    const r = await codecrafter([entry]);
    expect(r.json.result?.verdict, explain(r)).toBe('ok');
    expect(r.json.stdout).toBe('Hello, World!\n');
    expect(r.status).toBe(EXIT_STATUS.ok);
  });

  it('runs with its entry in a sub-folder', { timeout }, async () => {
    const project = path.join(outside, `${language}-sub`);
    const readme = write(path.join(project, 'README.md'), `# ${language}\n`);
    const entry = write(path.join(project, 'src', 'app', hello!.path), hello!.content);
    const r = await codecrafter([readme, entry, '--entry', entry]);
    expect(r.json.result?.verdict, explain(r)).toBe('ok');
    expect(r.json.stdout).toBe('Hello, World!\n');
  });
});

describe('java', () => {
  it('runs a public class that is not named after its file, from the class that has main', { timeout: 240_000 }, async () => {
    const project = path.join(outside, 'java-named');
    const entry = write(
      path.join(project, 'test.java'),
      'import java.util.*;\n\nclass Helper {\n  static String name() { return "World"; }\n}\n\npublic class HelloWorld {\n  public static void main(String[] args) {\n    System.out.println("Hello, " + Helper.name() + "!");\n  }\n}\n',
    );
    const r = await codecrafter([entry]);
    expect(r.json.result?.verdict, explain(r)).toBe('ok');
    expect(r.json.stdout).toBe('Hello, World!\n');
  });

  it('starts the class with main inside its package, from a sub-folder', { timeout: 240_000 }, async () => {
    const project = path.join(outside, 'java-package');
    const util = write(path.join(project, 'com/acme/util/Greeter.java'), 'package com.acme.util;\n\npublic class Greeter {\n  public static String greet() { return "Hello, World!"; }\n}\n');
    const entry = write(
      path.join(project, 'com/acme/app/Program.java'),
      'package com.acme.app;\n\nimport com.acme.util.Greeter;\n\npublic class Program {\n  public static void main(String[] args) {\n    System.out.println(Greeter.greet());\n  }\n}\n',
    );
    const r = await codecrafter([util, entry, '--entry', entry]);
    expect(r.json.result?.verdict, explain(r)).toBe('ok');
    expect(r.json.stdout).toBe('Hello, World!\n');
  });
});
