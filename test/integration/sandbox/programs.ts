// Small programs per language: hello world, stdin echo, a multi-file program (a helper in a
// sub-folder), a runtime error with the exit status (or signal) it must produce, and for compiled
// languages a compile error.
import type { LanguageId } from '../../../common/languages';

type Files = { path: string; content: string }[];

export interface LanguagePrograms {
  hello: Files;
  echo: Files;
  multi: Files;
  crash: { files: Files; exitCode: number | null; signal: string | null; stderr: RegExp };
  compileError?: Files;
}

const f = (path: string, content: string) => ({ path, content });

export const PROGRAMS: Record<LanguageId, LanguagePrograms> = {
  python: {
    hello: [f('main.py', 'print("Hello, World!")\n')],
    echo: [f('main.py', 'import sys\nsys.stdout.write(sys.stdin.read())\n')],
    multi: [f('main.py', 'from util.mathx import add\nprint(f"sum={add(2, 3)}")\n'), f('util/mathx.py', 'def add(a, b):\n    return a + b\n')],
    crash: { files: [f('main.py', 'raise ValueError("boom")\n')], exitCode: 1, signal: null, stderr: /ValueError: boom/ },
  },
  javascript: {
    hello: [f('main.js', 'console.log("Hello, World!");\n')],
    echo: [f('main.js', "process.stdout.write(require('fs').readFileSync(0, 'utf8'));\n")],
    multi: [f('main.js', "const { add } = require('./lib/math.js');\nconsole.log(`sum=${add(2, 3)}`);\n"), f('lib/math.js', 'exports.add = (a, b) => a + b;\n')],
    crash: { files: [f('main.js', 'throw new Error("boom");\n')], exitCode: 1, signal: null, stderr: /Error: boom/ },
  },
  typescript: {
    hello: [f('main.ts', 'const greeting: string = "Hello, World!";\nconsole.log(greeting);\n')],
    echo: [f('main.ts', "import { readFileSync } from 'fs';\nprocess.stdout.write(readFileSync(0, 'utf8'));\n")],
    multi: [f('main.ts', "import { add } from './lib/math';\nconsole.log(`sum=${add(2, 3)}`);\n"), f('lib/math.ts', 'export function add(a: number, b: number): number {\n  return a + b;\n}\n')],
    crash: { files: [f('main.ts', 'throw new Error("boom");\n')], exitCode: 1, signal: null, stderr: /Error: boom/ },
    compileError: [f('main.ts', 'const n: number = "not a number";\nconsole.log(n);\n')],
  },
  java: {
    hello: [f('Main.java', 'public class Main {\n  public static void main(String[] args) {\n    System.out.println("Hello, World!");\n  }\n}\n')],
    echo: [f('Main.java', 'public class Main {\n  public static void main(String[] args) throws Exception {\n    System.in.transferTo(System.out);\n  }\n}\n')],
    multi: [
      f('Main.java', 'import util.MathX;\npublic class Main {\n  public static void main(String[] args) {\n    System.out.println("sum=" + MathX.add(2, 3));\n  }\n}\n'),
      f('util/MathX.java', 'package util;\npublic class MathX {\n  public static int add(int a, int b) { return a + b; }\n}\n'),
    ],
    crash: { files: [f('Main.java', 'public class Main {\n  public static void main(String[] args) {\n    throw new IllegalStateException("boom");\n  }\n}\n')], exitCode: 1, signal: null, stderr: /IllegalStateException: boom/ },
    compileError: [f('Main.java', 'public class Main {\n  public static void main(String[] args) {\n    int x = "text";\n  }\n}\n')],
  },
  c: {
    hello: [f('main.c', '#include <stdio.h>\nint main(void) { puts("Hello, World!"); return 0; }\n')],
    echo: [f('main.c', '#include <stdio.h>\nint main(void) { int c; while ((c = getchar()) != EOF) putchar(c); return 0; }\n')],
    multi: [
      f('main.c', '#include <stdio.h>\n#include "lib/math.h"\nint main(void) { printf("sum=%d\\n", add(2, 3)); return 0; }\n'),
      f('lib/math.h', 'int add(int a, int b);\n'),
      f('lib/math.c', '#include "math.h"\nint add(int a, int b) { return a + b; }\n'),
    ],
    crash: { files: [f('main.c', '#include <stdio.h>\nint main(void) { fprintf(stderr, "about to crash\\n"); volatile int *p = 0; *p = 1; return 0; }\n')], exitCode: null, signal: 'SIGSEGV', stderr: /about to crash/ },
    compileError: [f('main.c', 'int main(void) { return undefined_name; }\n')],
  },
  cpp: {
    hello: [f('main.cpp', '#include <iostream>\nint main() { std::cout << "Hello, World!" << std::endl; }\n')],
    echo: [f('main.cpp', '#include <iostream>\nint main() { std::cout << std::cin.rdbuf(); }\n')],
    multi: [
      f('main.cpp', '#include <iostream>\n#include "lib/math.hpp"\nint main() { std::cout << "sum=" << add(2, 3) << std::endl; }\n'),
      f('lib/math.hpp', 'int add(int a, int b);\n'),
      f('lib/math.cpp', '#include "math.hpp"\nint add(int a, int b) { return a + b; }\n'),
    ],
    crash: { files: [f('main.cpp', '#include <stdexcept>\nint main() { throw std::runtime_error("boom"); }\n')], exitCode: null, signal: 'SIGABRT', stderr: /boom/ },
    compileError: [f('main.cpp', 'int main() { std::string s = 1; }\n')],
  },
  go: {
    hello: [f('main.go', 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("Hello, World!")\n}\n')],
    echo: [f('main.go', 'package main\n\nimport (\n\t"io"\n\t"os"\n)\n\nfunc main() {\n\tio.Copy(os.Stdout, os.Stdin)\n}\n')],
    multi: [
      f('main.go', 'package main\n\nimport (\n\t"app/mathx"\n\t"fmt"\n)\n\nfunc main() {\n\tfmt.Printf("sum=%d\\n", mathx.Add(2, 3))\n}\n'),
      f('mathx/mathx.go', 'package mathx\n\nfunc Add(a, b int) int { return a + b }\n'),
    ],
    crash: { files: [f('main.go', 'package main\n\nfunc main() {\n\tpanic("boom")\n}\n')], exitCode: 2, signal: null, stderr: /panic: boom/ },
    compileError: [f('main.go', 'package main\n\nfunc main() {\n\tvar x int = "text"\n}\n')],
  },
  rust: {
    hello: [f('main.rs', 'fn main() {\n    println!("Hello, World!");\n}\n')],
    echo: [f('main.rs', 'use std::io;\nfn main() {\n    io::copy(&mut io::stdin(), &mut io::stdout()).unwrap();\n}\n')],
    multi: [f('main.rs', 'mod mathx;\nfn main() {\n    println!("sum={}", mathx::add(2, 3));\n}\n'), f('mathx.rs', 'pub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n')],
    crash: { files: [f('main.rs', 'fn main() {\n    panic!("boom");\n}\n')], exitCode: 101, signal: null, stderr: /boom/ },
    compileError: [f('main.rs', 'fn main() {\n    let x: i32 = "text";\n}\n')],
  },
  ruby: {
    hello: [f('main.rb', 'puts "Hello, World!"\n')],
    echo: [f('main.rb', '$stdout.write($stdin.read)\n')],
    multi: [f('main.rb', "require_relative 'lib/math'\nputs \"sum=#{MathX.add(2, 3)}\"\n"), f('lib/math.rb', 'module MathX\n  def self.add(a, b) = a + b\nend\n')],
    crash: { files: [f('main.rb', 'raise "boom"\n')], exitCode: 1, signal: null, stderr: /boom/ },
  },
  php: {
    hello: [f('main.php', '<?php\necho "Hello, World!\\n";\n')],
    echo: [f('main.php', "<?php\necho stream_get_contents(STDIN);\n")],
    multi: [f('main.php', "<?php\nrequire __DIR__ . '/lib/math.php';\necho 'sum=' . add(2, 3) . \"\\n\";\n"), f('lib/math.php', '<?php\nfunction add(int $a, int $b): int { return $a + $b; }\n')],
    crash: { files: [f('main.php', '<?php\nthrow new Exception("boom");\n')], exitCode: 255, signal: null, stderr: /boom/ },
  },
  bash: {
    hello: [f('main.sh', 'echo "Hello, World!"\n')],
    echo: [f('main.sh', 'cat\n')],
    multi: [f('main.sh', 'source lib/math.sh\necho "sum=$(add 2 3)"\n'), f('lib/math.sh', 'add() { echo $(( $1 + $2 )); }\n')],
    crash: { files: [f('main.sh', 'echo boom >&2\nexit 3\n')], exitCode: 3, signal: null, stderr: /boom/ },
  },
  lua: {
    hello: [f('main.lua', 'print("Hello, World!")\n')],
    echo: [f('main.lua', 'io.write(io.read("a"))\n')],
    multi: [f('main.lua', 'package.path = "./?.lua;" .. package.path\nlocal m = require("lib.math")\nprint("sum=" .. m.add(2, 3))\n'), f('lib/math.lua', 'local M = {}\nfunction M.add(a, b) return a + b end\nreturn M\n')],
    crash: { files: [f('main.lua', 'error("boom")\n')], exitCode: 1, signal: null, stderr: /boom/ },
  },
};
