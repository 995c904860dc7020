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
