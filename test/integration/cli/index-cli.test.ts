// `codecrafter <command>`: the dispatcher in main/cli/index.ts, in this process. Importing it runs
// it once with process.argv (set here to --help); then its `main` is called with other arguments.
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from './capture';

const savedArgv = process.argv;
const savedExitCode = process.exitCode;
afterAll(() => {
  process.argv = savedArgv;
  process.exitCode = savedExitCode;
});

type Main = (argv: string[]) => Promise<number>;
let main: Main;

describe('codecrafter (the command dispatcher)', () => {
  it('prints the list of commands for --help when run, and exits 0', async () => {
    process.argv = [savedArgv[0]!, 'codecrafter', '--help'];
    const r = await runCommand(async () => {
      ({ main } = (await import('../../../main/cli/index')) as { main: Main });
      return 0;
    }, []);
    process.argv = savedArgv;
    expect(r.stdout).toMatch(/^usage: codecrafter <command> \[options\]\n\ncommands:\n/);
    for (const command of ['web', 'signal', 'images', 'run', 'history', 'problems', 'judge', 'replay']) expect(r.stdout).toMatch(new RegExp(`\\n  ${command} +\\S`));
    expect(process.exitCode).toBe(savedExitCode);
  });

  it('prints the usage and exits 2 without a command; help and -h exit 0', async () => {
    expect(await runCommand(main, [])).toMatchObject({ code: 2, stdout: expect.stringMatching(/^usage: codecrafter/) });
    expect(await runCommand(main, ['help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: codecrafter/) });
    expect(await runCommand(main, ['-h'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: codecrafter/) });
  });

  it('refuses an unknown command on stderr with status 2', async () => {
    const r = await runCommand(main, ['compile', 'x.c']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^codecrafter: unknown command 'compile'\n\nusage: codecrafter/);
  });

  it("loads the named command and passes it the rest of the arguments", async () => {
    const replay = await runCommand(main, ['replay', '--help']);
    expect(replay).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: codecrafter replay <session> --at/) });
    const problems = await runCommand(main, ['problems', 'list', 'extra']);
    expect(problems).toMatchObject({ code: 2, stderr: expect.stringMatching(/list takes 0 argument\(s\)/) });
  });
});
