// `codecrafter judge <problem id | package dir|zip> <source files…>`: judge a submission against a
// problem's tests in the sandbox and report a verdict per test. The exit status follows the
// verdict as `run` does (see EXIT_STATUS in run.ts); wrong-answer, which `run` cannot give, is 10.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LANGUAGE_IDS, type LanguageId } from '../../common/languages';
import type { JudgeResult, JudgeVerdict } from '../../common/problem';
import { openProblemBank } from '../interview/bank-location';
import { Judge } from '../interview/judge';
import { openJudgePool } from '../interview/judge-pool';
import { loadPackage } from '../interview/problem-bank';
import type { ProblemPackage } from '../interview/problem-package';

export const JUDGE_EXIT_STATUS: Record<JudgeVerdict, number> = {
  accepted: 0,
  'compile-error': 3,
  'runtime-error': 4,
  'time-limit': 5,
  'memory-limit': 6,
  'output-limit': 7,
  'judge-error': 9,
  'wrong-answer': 10,
};

const HELP = `usage: codecrafter judge <problem id | package dir | package.zip> <source file...> [options]

Compiles the submission once and runs every test case in one sandbox, then validates each output.
  --lang <language>      ${LANGUAGE_IDS.join(', ')} (default: from the first file's extension)
  --tests <which>        all (default), sample, secret
  --abort-on-failure     stop at the first test that is not accepted (the rest are "skipped")
  --time-limit <ms>      CPU time per test instead of the problem's
  --data-dir <dir>       where the problem bank is (default $CODECRAFTER_DATA_DIR or ~/.config/codecrafter)
  --json                 print one JSON object: verdict, score, a result per test case
Exit status: ${Object.entries(JUDGE_EXIT_STATUS).map(([v, n]) => `${n} ${v}`).join(', ')}, 2 bad usage.
`;

function printHuman(result: JudgeResult): void {
  for (const t of result.tests) {
    const time = t.cpuMs === null ? '' : ` ${t.cpuMs} ms`;
    process.stdout.write(`${t.verdict.padEnd(13)} ${t.name}${time}${t.message && t.verdict !== 'accepted' ? `  (${t.message})` : ''}\n`);
    if (t.diff && t.sample) process.stdout.write(`${t.diff.replace(/^/gm, '    ')}\n`);
    if (t.feedback && t.verdict !== 'accepted') process.stdout.write(`${t.feedback.trim().replace(/^/gm, '    ')}\n`);
  }
  const score = result.score === null ? '' : `, score ${result.score}/${result.maxScore}`;
  process.stdout.write(`\n${result.verdict}${score} — time limit ${result.timeLimitMs} ms (${result.timeLimitSource}), ${result.wallMs} ms in all\n`);
}

export default async function judge(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        tests: { type: 'string', default: 'all' },
        'abort-on-failure': { type: 'boolean' },
        'time-limit': { type: 'string' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`codecrafter judge: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const fail = (message: string, code = 2) => {
    if (values.json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
    else process.stderr.write(`codecrafter judge: ${message}\n${code === 2 ? `\n${HELP}` : ''}`);
    return code;
  };
  if (positionals.length < 2) return fail('give a problem and at least one source file');
  if (values.lang && !LANGUAGE_IDS.includes(values.lang as LanguageId)) return fail(`unknown language "${values.lang}"`);
  if (!['all', 'sample', 'secret'].includes(values.tests)) return fail('--tests is all, sample or secret');
  const timeLimitMs = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
  if (timeLimitMs !== undefined && !(Number.isInteger(timeLimitMs) && timeLimitMs >= 100 && timeLimitMs <= 60_000)) return fail('--time-limit is a whole number of ms between 100 and 60000');

  const [problem, ...sources] = positionals as [string, ...string[]];
  const root = path.dirname(path.resolve(sources[0]!));
  const files = [];
  for (const file of sources) {
    if (!existsSync(file) || !statSync(file).isFile()) return fail(`${file} is not a file`);
    const relative = path.relative(root, path.resolve(file)).split(path.sep).join('/');
    if (relative.startsWith('../')) return fail(`${file} is not in the folder of ${sources[0]} (or below it)`);
    if (statSync(file).size > 1 << 20) return fail(`${file} is larger than 1 MB`);
    files.push({ path: relative, content: readFileSync(file) });
  }

  let pkg: ProblemPackage;
  let known: number | null = null;
  let bank: ReturnType<typeof openProblemBank> | null = null;
  try {
    if (existsSync(problem)) pkg = loadPackage(problem);
    else {
      bank = openProblemBank(values['data-dir']);
      pkg = bank.get(problem);
      known = bank.derivedTimeLimit(pkg.id);
    }
  } catch (error) {
    bank?.close();
    return fail((error as Error).message, 1);
  }

  let judgeService: Judge | null = null;
  try {
    judgeService = new Judge(await openJudgePool());
    const time = timeLimitMs !== undefined ? { ms: timeLimitMs, source: 'override' as const } : await judgeService.timeLimit(pkg, known);
    // A derived limit is kept in the bank: deriving runs every accepted submission.
    if (bank && time.source === 'derived' && known === null) bank.setDerivedTimeLimit(pkg.id, time.ms);
    const result = await judgeService.judge(
      pkg,
      { files, language: values.lang as LanguageId | undefined },
      { tests: values.tests as 'all', abortOnFirstFailure: values['abort-on-failure'] === true, timeLimitMs: time.ms },
    );
    result.timeLimitSource = time.source;
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else printHuman(result);
    return JUDGE_EXIT_STATUS[result.verdict];
  } catch (error) {
    return fail((error as Error).message, JUDGE_EXIT_STATUS['judge-error']);
  } finally {
    bank?.close();
    await judgeService?.dispose();
  }
}
