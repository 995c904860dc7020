// What a timeline marker says (issue 11): a person reads "Run main.py — ok (0.12 s)", not a run id.
// Each label stands on its own, since the player shows it as the marker's name and tooltip.
import type { HistoryEvent } from '../../common/history';

type RunStart = Extract<HistoryEvent, { kind: 'run-start' }>;
type RunEnd = Extract<HistoryEvent, { kind: 'run-end' }>;
type Paste = Extract<HistoryEvent, { kind: 'paste' }>;
type Judge = Extract<HistoryEvent, { kind: 'judge' }>;

/** What ran: the entry file, else the language, else a plain word (an unsafe path was dropped at recording). */
export function runSubject(start: Pick<RunStart, 'entry' | 'language'> | undefined): string {
  return start?.entry ?? (start?.language ? `${start.language} program` : 'program');
}

export function runStartLabel(start: RunStart): string {
  return `Run ${runSubject(start)} started`;
}

/** Seconds with two decimals below ten, one above: 0.12 s, 3.40 s, 12.3 s. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

export function runEndLabel(end: RunEnd, start: RunStart | undefined): string {
  const verdict = end.verdict === 'runtime-error' && end.exitCode != null ? `runtime-error, exit ${end.exitCode}` : end.verdict;
  const time = end.wallMs === undefined ? '' : ` (${formatSeconds(end.wallMs)})`;
  return `Run ${runSubject(start)} — ${verdict}${time}`;
}

const JUDGED_TESTS: Record<Judge['tests'], string> = { sample: 'Sample tests', secret: 'Hidden tests', all: 'All tests' };

/** An interview's judge run: "Hidden tests — accepted (10/10 passed)", and who asked when it was not this user. */
export function judgeLabel(judge: Judge): string {
  const score = judge.score != null && judge.maxScore != null ? `, score ${judge.score}/${judge.maxScore}` : '';
  const asked = judge.requestedBy ? `, asked by ${judge.requestedBy}` : '';
  return `${JUDGED_TESTS[judge.tests]} — ${judge.verdict} (${judge.passed}/${judge.total} passed${score})${asked}`;
}

export function pasteLabel(paste: Paste): string {
  return `Pasted ${paste.length} ${paste.length === 1 ? 'character' : 'characters'} into ${paste.file}`;
}

/** Chat text on one line, cut at a word where it is long. */
export function chatLabel(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return `Chat: ${flat}`;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `Chat: ${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

export const FOCUS_LOST_LABEL = 'Window lost focus';

export function snapshotLabel(name: string): string {
  return `Snapshot “${name}”`;
}
