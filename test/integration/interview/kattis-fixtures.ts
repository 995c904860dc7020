// Problem packages written by the tests in the Kattis legacy layout, each with submissions whose
// folder names say the verdict the judge must give: a scoring problem with test groups, a
// float-tolerance problem and a problem with a custom C++ output validator.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Tree = Record<string, string>;

export function writeTree(dir: string, tree: Tree): string {
  for (const [rel, content] of Object.entries(tree)) {
    const file = path.join(dir, ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** Sum of a list, scored in two groups: small (30 points) and large numbers (70 points). */
export function scoringPackage(): Tree {
  const tree: Tree = {
    'problem.yaml': 'name: List Sum\nauthor: CodeCrafter tests\nlicense: cc0\ntype: scoring\nlimits:\n  time_limit: 2\n  memory: 256\n',
    'problem_statement/problem.en.md': '# List Sum\n\nGiven $n$ numbers $a_1, \\ldots, a_n$, print $\\sum a_i$.\n',
    'data/sample/01.in': '3\n1 2 3\n',
    'data/sample/01.ans': '6\n',
    'data/secret/testdata.yaml': 'on_reject: continue\n',
    'data/secret/g1/testdata.yaml': 'accept_score: 30\ngrader_flags: min\n',
    'data/secret/g2/testdata.yaml': 'accept_score: 70\ngrader_flags: min\n',
    'submissions/accepted/sum.py': 'input()\nprint(sum(map(int, input().split())))\n',
    'submissions/accepted/sum.cpp': '#include <iostream>\nint main(){long long n,s=0,x;std::cin>>n;while(n--){std::cin>>x;s+=x;}std::cout<<s<<"\\n";}\n',
    'submissions/accepted/sum.js': "const [n, ...a] = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean).map(Number);\nconsole.log(a.reduce((x, y) => x + y, 0));\n",
    // Right for small numbers only: 32-bit overflow on the large group.
    'submissions/wrong_answer/int32.cpp': '#include <iostream>\nint main(){int n,s=0,x;std::cin>>n;while(n--){std::cin>>x;s+=x;}std::cout<<s<<"\\n";}\n',
    'submissions/time_limit_exceeded/spin.py': 'while True:\n    pass\n',
    'submissions/run_time_error/crash.py': 'raise SystemExit(3)\n',
    'starters/python/main.py': 'def main():\n    pass\n\nmain()\n',
    'starters/cpp/main.cpp': 'int main() {}\n',
  };
  for (let i = 1; i <= 3; i++) {
    tree[`data/secret/g1/${i}.in`] = `2\n${i} ${i + 1}\n`;
    tree[`data/secret/g1/${i}.ans`] = `${2 * i + 1}\n`;
  }
  for (let i = 1; i <= 2; i++) {
    const a = 2_000_000_000 + i;
    tree[`data/secret/g2/${i}.in`] = `2\n${a} ${a}\n`;
    tree[`data/secret/g2/${i}.ans`] = `${2 * a}\n`;
  }
  return tree;
}

/** a / b with an answer that is right within 1e-6 (absolute or relative). */
export function floatPackage(): Tree {
  const tree: Tree = {
    'problem.yaml': 'name: Divide\ntype: pass-fail\nvalidation: default\nvalidator_flags: float_tolerance 1e-6\nlimits:\n  time_limit: 2\n',
    'statement/problem.en.md': '# Divide\n\nPrint $a / b$ within $10^{-6}$.\n',
    'submissions/accepted/divide.py': 'a, b = map(int, input().split())\nprint(f"{a / b:.9f}")\n',
    'submissions/wrong_answer/rounded.py': 'a, b = map(int, input().split())\nprint(f"{a / b:.2f}")\n',
  };
  const cases: [number, number][] = [[1, 3], [2, 7], [22, 7], [1000000, 3]];
  cases.forEach(([a, b], i) => {
    const folder = i === 0 ? 'sample' : 'secret';
    tree[`data/${folder}/${i}.in`] = `${a} ${b}\n`;
    tree[`data/${folder}/${i}.ans`] = `${(a / b).toFixed(12)}\n`;
  });
  return tree;
}

/** Print two positive numbers that add up to n: any pair is right, so a validator decides. */
export function customValidatorPackage(): Tree {
  const tree: Tree = {
    'problem.yaml': 'name: Split\ntype: pass-fail\nvalidation: custom\nlimits:\n  time_limit: 2\n',
    'problem_statement/problem.en.md': '# Split\n\nPrint two positive integers whose sum is $n$.\n',
    'output_validators/split/validate.cpp': [
      '#include <fstream>',
      '#include <iostream>',
      '#include <string>',
      'int main(int argc, char** argv) {',
      '  std::ifstream in(argv[1]);',
      '  long long n; in >> n;',
      '  std::ofstream msg(std::string(argv[3]) + "/judgemessage.txt");',
      '  long long a, b;',
      '  if (!(std::cin >> a >> b)) { msg << "expected two integers"; return 43; }',
      '  if (a <= 0 || b <= 0) { msg << "numbers must be positive, got " << a << " " << b; return 43; }',
      '  if (a + b != n) { msg << a << " + " << b << " is not " << n; return 43; }',
      '  std::string extra; if (std::cin >> extra) { msg << "trailing output"; return 43; }',
      '  return 42;',
      '}',
      '',
    ].join('\n'),
    'submissions/accepted/half.py': 'n = int(input())\nprint(1, n - 1)\n',
    'submissions/accepted/other.cpp': '#include <cstdio>\nint main(){long long n;scanf("%lld",&n);printf("%lld %lld\\n",n-1,1LL);}\n',
    'submissions/wrong_answer/zero.py': 'n = int(input())\nprint(0, n)\n',
  };
  [5, 2, 100, 7].forEach((n, i) => {
    const folder = i === 0 ? 'sample' : 'secret';
    tree[`data/${folder}/${i}.in`] = `${n}\n`;
    tree[`data/${folder}/${i}.ans`] = `1 ${n - 1}\n`;
  });
  return tree;
}

/** The interactor of "guess the number": reads n and the secret from the input, answers guesses. */
export const GUESS_INTERACTOR_CPP = [
  '#include <csignal>',
  '#include <fstream>',
  '#include <iostream>',
  '#include <string>',
  'int main(int argc, char** argv) {',
  '  std::signal(SIGPIPE, SIG_IGN); // a program that left early must not kill the interactor',
  '  std::ifstream in(argv[1]);',
  '  long long n, secret; in >> n >> secret;',
  '  std::ofstream msg(std::string(argv[3]) + "/judgemessage.txt");',
  '  int limit = 0; while ((1LL << limit) <= n) limit++;',
  '  std::cout << n << std::endl;',
  '  for (int guesses = 1;; guesses++) {',
  '    long long g;',
  '    if (!(std::cin >> g)) { msg << "the program stopped after " << guesses - 1 << " guesses without finding the number\\n"; return 43; }',
  '    if (guesses > limit) { msg << "more than " << limit << " guesses\\n"; return 43; }',
  '    if (g == secret) { std::cout << "correct" << std::endl; msg << "found in " << guesses << " guesses\\n"; return 42; }',
  '    std::cout << (g < secret ? "higher" : "lower") << std::endl;',
  '  }',
  '}',
  '',
].join('\n');

export const GUESS_INTERACTOR_PY = [
  'import os, sys',
  'n, secret = map(int, open(sys.argv[1]).read().split())',
  'msg = open(sys.argv[3] + "/judgemessage.txt", "w")',
  'limit = n.bit_length()',
  '',
  '# A program that stops early may be gone before the reply: the same as stopping before the next guess.',
  'def reply(text, guesses, status):',
  '    try:',
  '        print(text, flush=True)',
  '    except BrokenPipeError:',
  '        if status == 43:',
  '            msg.write(f"the program stopped after {guesses} guesses\\n")',
  '        msg.close()',
  '        os._exit(status)',
  '',
  'print(n, flush=True)',
  'for guesses in range(1, limit + 2):',
  '    line = sys.stdin.readline()',
  '    if not line.strip():',
  '        msg.write(f"the program stopped after {guesses - 1} guesses\\n")',
  '        sys.exit(43)',
  '    if guesses > limit:',
  '        msg.write(f"more than {limit} guesses\\n")',
  '        sys.exit(43)',
  '    g = int(line)',
  '    if g == secret:',
  '        reply("correct", guesses, 42)',
  '        sys.exit(42)',
  '    reply("higher" if g < secret else "lower", guesses, 43)',
  '',
].join('\n');

export const GUESS_BINARY_SEARCH_PY = [
  'n = int(input())',
  'lo, hi = 1, n',
  'while True:',
  '    mid = (lo + hi) // 2',
  '    print(mid, flush=True)',
  '    reply = input().strip()',
  '    if reply == "correct":',
  '        break',
  '    if reply == "higher":',
  '        lo = mid + 1',
  '    else:',
  '        hi = mid - 1',
  '',
].join('\n');

export const GUESS_BINARY_SEARCH_CPP = [
  '#include <iostream>',
  '#include <string>',
  'int main() {',
  '  long long n; std::cin >> n;',
  '  long long lo = 1, hi = n;',
  '  for (;;) {',
  '    long long mid = (lo + hi) / 2;',
  '    std::cout << mid << std::endl;',
  '    std::string reply; if (!(std::cin >> reply) || reply == "correct") return 0;',
  '    if (reply == "higher") lo = mid + 1; else hi = mid - 1;',
  '  }',
  '}',
  '',
].join('\n');

/**
 * "Guess the number" as an interactive problem (`validation: custom interactive`): the interactor
 * holds the secret and answers each guess with lower, higher or correct, allowing as many guesses
 * as a binary search needs. Its submissions cover each verdict an interaction can end in.
 */
export function interactivePackage(interactor: 'cpp' | 'python' = 'cpp'): Tree {
  const tree: Tree = {
    'problem.yaml': 'name: Guess the Number\ntype: pass-fail\nvalidation: custom interactive\nlimits:\n  time_limit: 1\n',
    'problem_statement/problem.en.md': '# Guess the Number\n\nRead $n$, then guess the secret $1 \\le x \\le n$ in at most $\\lfloor \\log_2 n \\rfloor + 1$ guesses. Each guess is answered `lower`, `higher` or `correct`.\n',
    [interactor === 'cpp' ? 'output_validators/guess/validate.cpp' : 'output_validators/guess/validate.py']: interactor === 'cpp' ? GUESS_INTERACTOR_CPP : GUESS_INTERACTOR_PY,
    'data/sample/1.in': '10 7\n',
    'data/sample/1.ans': 'the interactor decides\n',
    'data/secret/1.in': '100 1\n',
    'data/secret/1.ans': '-\n',
    'data/secret/2.in': '1000000000 987654321\n',
    'data/secret/2.ans': '-\n',
    'data/secret/3.in': '1000 1000\n',
    'data/secret/3.ans': '-\n',
    'submissions/accepted/binary.py': GUESS_BINARY_SEARCH_PY,
    'submissions/accepted/binary.cpp': GUESS_BINARY_SEARCH_CPP,
    // Guesses once and leaves: the interactor reads end-of-file.
    'submissions/wrong_answer/gives_up.py': 'n = int(input())\nprint(1, flush=True)\n',
    // Counts up from 1: too many guesses for the large tests (it may die of SIGPIPE once the interactor hangs up).
    'submissions/wrong_answer/linear.cpp': [
      '#include <iostream>',
      '#include <string>',
      'int main() { long long n; std::cin >> n; for (long long g = 1; g <= n; g++) { std::cout << g << std::endl; std::string r; if (!(std::cin >> r) || r == "correct") return 0; } }',
      '',
    ].join('\n'),
    // Reads n and then waits for more instead of guessing, while the interactor waits for a guess.
    'submissions/time_limit_exceeded/deadlock.py': 'n = int(input())\ninput()\n',
    'submissions/time_limit_exceeded/spins.cpp': 'int main() { volatile long x = 0; for (;;) x++; }\n',
    'submissions/run_time_error/crash.py': 'n = int(input())\nprint(n // 2, flush=True)\nraise SystemExit(3)\n',
  };
  if (interactor === 'python') {
    // A Python interactor runs in the program's sandbox, so only Python programs can be judged.
    for (const f of Object.keys(tree)) if (f.startsWith('submissions/') && !f.endsWith('.py')) delete tree[f];
  }
  return tree;
}
