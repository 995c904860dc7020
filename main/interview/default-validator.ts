// The default output validator, following problemtools' default_validator.cc (the Kattis
// reference): compare the program's output with the judge's answer token by token, where a token
// is a run of non-whitespace. By default whitespace differences and letter case are ignored;
// `space_change_sensitive` makes whitespace count exactly, `case_sensitive` makes case count.
// With a float tolerance, a judge token that is a number accepts any number within the absolute
// OR the relative tolerance of it (|judge - team| <= abs, or <= rel * |judge|).
import type { ValidatorFlags } from '../../common/problem';

export interface ValidatorJudgement {
  accepted: boolean;
  /** Why not, in the words problemtools uses, naming the token. */
  feedback?: string;
}

// What strtod accepts as a whole token (decimal, exponent, inf, nan); hex floats are rare enough.
const FLOAT = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|inf(inity)?|nan)$/i;

function parseFloatToken(token: string): number | null {
  if (!FLOAT.test(token)) return null;
  const lower = token.toLowerCase().replace(/^\+/, '');
  if (lower.endsWith('nan')) return Number.NaN;
  if (lower.startsWith('-inf')) return Number.NEGATIVE_INFINITY;
  if (lower.startsWith('inf')) return Number.POSITIVE_INFINITY;
  return Number(token);
}

/** Splits into tokens and the whitespace runs before each (and after the last, as `trailing`). */
function tokenize(text: string): { tokens: string[]; spaces: string[]; trailing: string } {
  const tokens: string[] = [];
  const spaces: string[] = [];
  const re = /(\s*)(\S+)/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = re.exec(text))) {
    spaces.push(match[1]!);
    tokens.push(match[2]!);
    end = re.lastIndex;
  }
  return { tokens, spaces, trailing: text.slice(end) };
}

const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

export function defaultValidate(answer: string, output: string, flags: ValidatorFlags): ValidatorJudgement {
  const judge = tokenize(answer);
  const team = tokenize(output);
  const useFloats = flags.floatAbsoluteTolerance !== null || flags.floatRelativeTolerance !== null;
  const absTol = flags.floatAbsoluteTolerance ?? -1;
  const relTol = flags.floatRelativeTolerance ?? -1;
  const count = Math.min(judge.tokens.length, team.tokens.length);
  for (let i = 0; i < count; i++) {
    if (flags.spaceChangeSensitive && judge.spaces[i] !== team.spaces[i])
      return { accepted: false, feedback: `Space change error: got ${show(team.spaces[i]!)}, expected ${show(judge.spaces[i]!)} before token #${i + 1}` };
    const j = judge.tokens[i]!;
    const t = team.tokens[i]!;
    const jval = useFloats ? parseFloatToken(j) : null;
    if (jval !== null) {
      const tval = parseFloatToken(t);
      if (tval === null) return { accepted: false, feedback: `Expected float, got: ${show(t)} (token #${i + 1})` };
      if (Number.isNaN(jval) || !Number.isFinite(jval)) {
        if (!(Object.is(jval, tval) || (Number.isNaN(jval) && Number.isNaN(tval))))
          return { accepted: false, feedback: `Expected ${j}, got ${show(t)} (token #${i + 1})` };
        continue;
      }
      const diff = Math.abs(jval - tval);
      if (!(diff <= absTol) && !(diff <= relTol * Math.abs(jval)))
        return {
          accepted: false,
          feedback: `Too large difference at token #${i + 1}.\n Judge: ${j}\n Team: ${t}\n Difference: ${diff.toExponential(3)}\n (abs tol ${flags.floatAbsoluteTolerance ?? '-'} rel tol ${flags.floatRelativeTolerance ?? '-'})`,
        };
      continue;
    }
    const same = flags.caseSensitive ? j === t : j.toLowerCase() === t.toLowerCase();
    if (!same) return { accepted: false, feedback: `String tokens mismatch at token #${i + 1}\nJudge: ${show(j)}\nTeam: ${show(t)}` };
  }
  if (team.tokens.length > judge.tokens.length) return { accepted: false, feedback: `Trailing output: ${show(team.tokens[count]!)} (token #${count + 1})` };
  if (judge.tokens.length > team.tokens.length) return { accepted: false, feedback: `User EOF while judge had more output (need token #${count + 1}: ${show(judge.tokens[count]!)})` };
  if (flags.spaceChangeSensitive && judge.trailing !== team.trailing)
    return { accepted: false, feedback: `Space change error at the end: got ${show(team.trailing)}, expected ${show(judge.trailing)}` };
  return { accepted: true };
}
