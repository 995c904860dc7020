// Scores and group verdicts from per-test verdicts, following the legacy format's default grader:
// a test scores its folder's accept_score (default 1) when accepted, else reject_score (default
// 0); a folder aggregates its tests and sub-folders in name order with `sum` (default), `min`,
// `max` or `avg` (testdata.yaml `grader_flags`, or our short `aggregation`); its verdict is the
// first rejected child's. The problem's score is data/secret's; samples score nothing.
import type { GroupResult, JudgeVerdict, TestCaseResult, TestdataYaml } from '../../common/problem';
import type { TestGroup } from './problem-package';

type Aggregation = 'sum' | 'min' | 'max' | 'avg';

export function aggregationOf(settings: TestdataYaml): Aggregation {
  if (settings.aggregation) return settings.aggregation;
  const words = (settings.grader_flags ?? '').split(/\s+/);
  return (['min', 'max', 'avg', 'sum'] as const).find((a) => words.includes(a)) ?? 'sum';
}

function aggregate(how: Aggregation, values: number[]): number {
  if (values.length === 0) return 0;
  if (how === 'min') return Math.min(...values);
  if (how === 'max') return Math.max(...values);
  const sum = values.reduce((a, b) => a + b, 0);
  return how === 'avg' ? sum / values.length : sum;
}

export function testScore(verdict: TestCaseResult['verdict'], settings: TestdataYaml): number {
  return verdict === 'accepted' ? (settings.accept_score ?? 1) : (settings.reject_score ?? 0);
}

interface Node {
  verdict: JudgeVerdict | 'skipped';
  score: number;
  max: number;
}

export interface Scored {
  score: number;
  maxScore: number;
  groups: GroupResult[];
}

export function scoreResults(tests: TestCaseResult[], groups: TestGroup[]): Scored {
  const settings = new Map(groups.map((g) => [g.path, g.effective]));
  const out: GroupResult[] = [];
  const visit = (folder: string): Node | null => {
    const own = settings.get(folder) ?? {};
    const children: { name: string; node: Node }[] = [];
    for (const t of tests.filter((x) => x.group === folder)) {
      children.push({ name: t.name, node: { verdict: t.verdict === 'skipped' ? 'skipped' : t.verdict, score: testScore(t.verdict, own), max: testScore('accepted', own) } });
    }
    for (const g of groups.filter((x) => x.path.startsWith(`${folder}/`) && !x.path.slice(folder.length + 1).includes('/'))) {
      const node = visit(g.path);
      if (node) children.push({ name: g.path, node });
    }
    if (children.length === 0) return null;
    children.sort((a, b) => (a.name < b.name ? -1 : 1));
    const how = aggregationOf(own);
    const rejected = children.find((c) => c.node.verdict !== 'accepted' && c.node.verdict !== 'skipped');
    const allSkipped = children.every((c) => c.node.verdict === 'skipped');
    const node: Node = {
      verdict: rejected ? (rejected.node.verdict as JudgeVerdict) : allSkipped ? 'skipped' : 'accepted',
      score: aggregate(how, children.map((c) => c.node.score)),
      max: aggregate(how, children.map((c) => c.node.max)),
    };
    out.push({ group: folder, verdict: node.verdict, score: node.score });
    return node;
  };
  const secret = visit('data/secret');
  visit('data/sample');
  out.sort((a, b) => (a.group < b.group ? -1 : 1));
  return { score: secret?.score ?? 0, maxScore: secret?.max ?? 0, groups: out };
}
