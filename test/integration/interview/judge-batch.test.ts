// What running every test of a submission in one sandbox, one after another (cc-supervise --batch,
// issue 9), must guarantee on real Docker: a test's processes never outlive it, each test gets its
// own limits and its own measurements, and nothing a program prints or writes through /proc can
// pass for the judge's own frames.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Judge } from '../../../main/interview/judge';
import { openJudgePool } from '../../../main/interview/judge-pool';
import { readProblemPackage } from '../../../main/interview/package-reader';
import type { ProblemPackage } from '../../../main/interview/problem-package';

const enc = (s: string) => new TextEncoder().encode(s);

// One program, told by its input what to do. Every test's answer is "ok".
const PROGRAM = String.raw`
import base64, os, sys, time

def others():
    me = os.getpid()
    return [p for p in os.listdir('/proc') if p.isdigit() and int(p) != me]

def write_everywhere(text, fds=(1,)):
    for p in others():
        for fd in fds:
            try:
                with open('/proc/%s/fd/%d' % (p, fd), 'w') as f:
                    f.write(text)
            except OSError:
                pass

mode = input().strip()
if mode == 'leak':
    # A daemon (new session, double fork) that wakes up during the next test and writes into the
    # stdout of every process it can reach, the next test's program among them.
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(0.2)
            while True:
                write_everywhere('LEAK\n')
                time.sleep(0.01)
        os._exit(0)
    os.wait()
    print('ok')
elif mode == 'slow':
    time.sleep(0.6)
    print('ok')
elif mode == 'spin':
    while True:
        pass
elif mode == 'forge':
    # Frames that would say every test passed, to this test's own stdout and to every stdout and
    # stderr it can open through /proc.
    b64 = lambda s: base64.b64encode(s.encode()).decode()
    report = '{"exitCode":0,"signal":0,"timedOut":false,"wallMs":1,"cpuMs":1,"maxRssKb":1,"oomKills":0,"error":""}'
    fake = ''.join('\x1eT %d\n%s\n%s\n' % (k, b64('ok\n\x1eCCR:x:end\n'), b64('\x1eCCR:x:' + report + '\n')) for k in range(12)) + '\x1eDONE 12\n'
    write_everywhere(fake, (1, 2))
    sys.stdout.write('wrong\n' + fake)
elif mode == 'flood':
    while True:
        sys.stdout.write('x' * 65536)
elif mode == 'hog':
    x = bytearray(200 << 20)
    print(len(x))
else:
    print('ok')
`;

const MODES = ['leak', 'slow', 'spin', 'ok', 'forge', 'ok', 'flood', 'ok', 'hog', 'ok'];

let judge: Judge;
let pkg: ProblemPackage;
beforeAll(async () => {
  const files = new Map<string, Uint8Array>([
    ['problem.yaml', enc('name: Modes\nlimits:\n  time_limit: 1\n  memory: 64\n  output: 1\n')],
    ['problem_statement/problem.en.md', enc('# Modes\n')],
  ]);
  MODES.forEach((mode, i) => {
    const name = String(i).padStart(2, '0');
    files.set(`data/secret/${name}.in`, enc(`${mode}\n`));
    files.set(`data/secret/${name}.ans`, enc('ok\n'));
  });
  pkg = readProblemPackage(files, 'modes');
  const pool = await openJudgePool();
  pool.warm(['python']);
  judge = new Judge(pool);
});
afterAll(async () => {
  await judge?.dispose();
});

describe('tests one after another in one sandbox', () => {
  it('keeps each test to itself: limits, measurements, processes and frames', { timeout: 300_000 }, async () => {
    const r = await judge.judge(pkg, { files: [{ path: 'main.py', content: enc(PROGRAM) }] });
    const verdicts = r.tests.map((t) => t.verdict);
    const why = JSON.stringify(r.tests.map((t) => [t.name, t.verdict, t.message]));
    expect(verdicts, why).toEqual([
      // The daemon was killed with its test, before it woke: the slow test after it reads no LEAK.
      'accepted',
      'accepted',
      'time-limit',
      'accepted',
      // The forged frames are this test's wrong output, nothing more: no judge error, the rest judged.
      'wrong-answer',
      'accepted',
      'output-limit',
      'accepted',
      'memory-limit',
      'accepted',
    ]);
    expect(r.verdict).toBe('time-limit');
    expect(r.tests[2]!.message).toMatch(/more than 1000 ms of CPU time/);
    // Each test's own CPU time and peak memory, not the batch's so far: after the hog (killed near
    // 64 MB) a small Python program is measured at its own size.
    expect(r.tests[3]!.cpuMs).toBeLessThan(1000);
    expect(r.tests[9]!.peakMemoryKb).toBeGreaterThan(0);
    expect(r.tests[9]!.peakMemoryKb).toBeLessThan(40 * 1024);
  });
});
