// The interview report as one self-contained HTML file (issue 9): problem, final code, test
// results, a timeline summary from the recording, notes, rubric and rating, and the session
// export. Everything from the room or a package is escaped; the statement comes from
// common/statement-markdown.ts, which never passes raw HTML through. No script, no outside URL:
// the file prints to PDF as it is and opens offline.
import type { InterviewInfo, StoredJudgeRun } from '../../common/interview';
import { RUBRIC_SCORE_LABELS } from '../../common/interview';
import type { Timeline } from '../../common/history';
import { statementToHtml } from '../../common/statement-markdown';

export interface TimelineSummary {
  durationMs: number;
  edits: Array<{ author: string; updates: number }>;
  runs: number;
  /** The judge runs the recording holds, at their offset from its start, with their verdicts. */
  judgeRuns: Array<{ offsetMs: number; label: string }>;
  pastes: number;
  focusLosses: number;
  chats: number;
}

export function summariseTimeline(timeline: Timeline): TimelineSummary {
  const count = (kind: Timeline['markers'][number]['kind']) => timeline.markers.filter((m) => m.kind === kind).length;
  return {
    durationMs: Math.max(0, timeline.endTime - timeline.startTime),
    edits: timeline.tracks.map((t) => ({ author: t.author, updates: t.updates })),
    runs: count('run'),
    judgeRuns: timeline.markers.filter((m) => m.kind === 'judge').map((m) => ({ offsetMs: m.time - timeline.startTime, label: m.label })),
    pastes: count('paste'),
    focusLosses: count('focus-lost'),
    chats: count('chat'),
  };
}

export interface ReportInput {
  interview: InterviewInfo;
  statementMarkdown: string;
  files: Array<{ path: string; content: string }>;
  timeline: TimelineSummary | null;
  /** The recording's start, so notes show as offsets on the replay timeline. */
  sessionStart: number | null;
  sessionExport: { path: string; name: string; sha256: string } | null;
  createdAt: number;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function runSection(run: StoredJudgeRun): string {
  const r = run.result;
  const score = r.score === null ? '' : ` · score ${r.score}/${r.maxScore}`;
  const rows = r.tests
    .map((t) => {
      const detail = [t.message, t.diff].filter(Boolean).join('\n');
      return `<tr class="${t.verdict === 'accepted' ? 'ok' : 'bad'}"><td>${escapeHtml(t.name)}</td><td>${escapeHtml(t.verdict)}</td><td>${t.cpuMs ?? ''}</td><td>${detail ? `<pre>${escapeHtml(detail.slice(0, 2000))}</pre>` : ''}</td></tr>`;
    })
    .join('\n');
  const label = run.tests === 'sample' ? 'Sample tests' : run.tests === 'secret' ? 'Hidden tests' : 'All tests';
  return `<section class="run"><h3>${label} — ${escapeHtml(r.verdict)}${score}</h3>
<p class="muted">${escapeHtml(new Date(run.time).toISOString())} · ${escapeHtml(r.language)} · ${escapeHtml(run.entry)} · time limit ${r.timeLimitMs} ms</p>
<table><thead><tr><th>Test</th><th>Verdict</th><th>CPU ms</th><th>Detail</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#111}h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
pre{background:#f4f4f4;padding:.6em;white-space:pre-wrap;word-break:break-word;font:12px/1.35 ui-monospace,monospace}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}tr.ok td:nth-child(2){color:#14632b}tr.bad td:nth-child(2){color:#a31515}
.muted{color:#666}.math-source{font-family:ui-monospace,monospace;background:#eef}.statement{border-left:3px solid #ddd;padding-left:1em}`;

export function reportHtml(input: ReportInput): string {
  const { interview: iv } = input;
  const notes = iv.notes.length
    ? `<ul>${iv.notes
        .map((n) => `<li><b>${input.sessionStart !== null ? clock(n.time - input.sessionStart) : escapeHtml(new Date(n.time).toISOString())}</b> ${escapeHtml(n.text)}</li>`)
        .join('')}</ul>`
    : '<p class="muted">No notes.</p>';
  const rubricRows = iv.rubric.criteria
    .map((c) => `<tr><td>${escapeHtml(c.name)}</td><td>${c.score === null ? '—' : `${c.score} (${RUBRIC_SCORE_LABELS[c.score]})`}</td></tr>`)
    .join('');
  const overall = iv.rubric.overall === null ? 'not rated' : `${iv.rubric.overall} — ${RUBRIC_SCORE_LABELS[iv.rubric.overall]}`;
  const t = input.timeline;
  // Judge runs are counted from the interview's record (it has them even without a recording) and
  // listed at their time from the recording; editor runs come from the recording.
  const judged = `<li>Test runs: ${iv.runs.filter((r) => r.tests === 'sample').length} on the samples, ${iv.runs.filter((r) => r.tests !== 'sample').length} on the hidden tests</li>`;
  const judgeRuns = t?.judgeRuns.length ? `<li>Judge runs:<ul>${t.judgeRuns.map((j) => `<li>${clock(j.offsetMs)} ${escapeHtml(j.label)}</li>`).join('')}</ul></li>` : '';
  const timeline = t
    ? `<ul><li>Duration: ${clock(t.durationMs)}</li>${t.edits.map((e) => `<li>Edits by ${escapeHtml(e.author)}: ${e.updates}</li>`).join('')}${judged}${judgeRuns}<li>Program runs: ${t.runs}</li><li>Pastes: ${t.pastes}</li><li>Focus losses: ${t.focusLosses}</li><li>Chat messages: ${t.chats}</li></ul>`
    : `<ul>${judged}</ul><p class="muted">The room was not recorded.</p>`;
  const code = input.files.length
    ? input.files.map((f) => `<h3>${escapeHtml(f.path)}</h3><pre class="code">${escapeHtml(f.content)}</pre>`).join('\n')
    : '<p class="muted">No code.</p>';
  const runs = iv.runs.length ? iv.runs.map(runSection).join('\n') : '<p class="muted">No tests were run.</p>';
  const exported = input.sessionExport
    ? `<p>Session recording: <a href="${escapeHtml(encodeURI(`file://${input.sessionExport.path}`))}">${escapeHtml(input.sessionExport.name)}</a> (sha256 ${escapeHtml(input.sessionExport.sha256)}); open it with Replay → Import session file.</p>`
    : '<p class="muted">No recording to export.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Interview report — ${escapeHtml(iv.problemName)}</title><style>${STYLE}</style></head>
<body>
<h1>Interview report — ${escapeHtml(iv.problemName)}</h1>
<p class="muted">Problem ${escapeHtml(iv.problemId)} · languages ${escapeHtml(iv.languages.join(', '))} · started ${escapeHtml(new Date(iv.startedAt).toISOString())} · report ${escapeHtml(new Date(input.createdAt).toISOString())}</p>
<h2>Rating</h2>
<p><b>Overall: ${escapeHtml(overall)}</b></p>
<table><tbody>${rubricRows}</tbody></table>
${iv.rubric.summary ? `<p>${escapeHtml(iv.rubric.summary)}</p>` : ''}
<h2>Final code</h2>
${code}
<h2>Test results</h2>
${runs}
<h2>Timeline</h2>
${timeline}
<h2>Notes</h2>
${notes}
<h2>Session export</h2>
${exported}
<h2>Problem</h2>
<div class="statement">${statementToHtml(input.statementMarkdown)}</div>
</body></html>
`;
}
