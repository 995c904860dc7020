// The "expected vs got" shown for a wrong answer: the first line that differs, with a few lines
// around it on both sides, each line cut to a readable width. A whole-output diff would quote
// megabytes; a reviewer needs the place where the output goes wrong.
const CONTEXT = 2;
const MAX_LINE = 200;

const cut = (line: string) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line);

function lines(text: string): string[] {
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all.map((l) => l.replace(/\r$/, ''));
}

export function outputDiff(expected: string, got: string): string {
  const want = lines(expected);
  const have = lines(got);
  let at = 0;
  while (at < want.length && at < have.length && want[at]!.trimEnd() === have[at]!.trimEnd()) at++;
  const from = Math.max(0, at - CONTEXT);
  const to = at + CONTEXT + 1;
  const out = [`first difference at line ${at + 1}`, '--- expected', '+++ got'];
  for (let i = from; i < Math.min(to, Math.max(want.length, have.length)); i++) {
    const w = want[i];
    const h = have[i];
    if (i < at) out.push(`  ${cut(w ?? '')}`);
    else {
      if (w !== undefined) out.push(`- ${cut(w)}`);
      else out.push('- (end of expected output)');
      if (h !== undefined) out.push(`+ ${cut(h)}`);
      else out.push('+ (end of output)');
    }
  }
  return out.join('\n');
}
