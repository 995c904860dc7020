import { useState } from 'react';
import type { LanguageId } from '../../common/languages';
import { LANGUAGES } from '../../common/languages';
import { BankPanel } from './BankPanel';
import { ClockPanel } from './ClockPanel';
import { makeReport, openReport, runTests } from './interview-actions';
import { interviewRoom } from '../app-context';
import { useInterview } from './interview-state';
import { NotesPanel } from './NotesPanel';
import { ResultsTable } from './ResultsTable';
import { RubricPanel } from './RubricPanel';
import { StatementView } from './StatementView';
import './interview.css';

function LanguagePick({ languages, value, onChange }: { languages: LanguageId[]; value: LanguageId; onChange: (l: LanguageId) => void }) {
  if (languages.length < 2) return null;
  return (
    <label>
      Language{' '}
      <select aria-label="Run language" value={value} onChange={(e) => onChange(e.target.value as LanguageId)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {LANGUAGES[l].name}
          </option>
        ))}
      </select>
    </label>
  );
}

function InterviewerPanel() {
  const room = useInterview((s) => s.room);
  const samples = useInterview((s) => s.samples);
  const hidden = useInterview((s) => s.hidden);
  const running = useInterview((s) => s.running);
  const report = useInterview((s) => s.report);
  const busy = useInterview((s) => s.busy);
  const [language, setLanguage] = useState<LanguageId | null>(null);
  if (!room) return null;
  const lang = language ?? room.languages[0]!;
  return (
    <>
      <p className="muted">{`Interviewing on "${room.name}". Share the invite from Collaboration; the candidate joins as a guest.`}</p>
      <ClockPanel side="interviewer" />
      <section aria-label="Runs" className="interview-runs">
        <h3>Runs</h3>
        <LanguagePick languages={room.languages} value={lang} onChange={setLanguage} />
        <button onClick={() => void runTests('samples', lang)} disabled={running !== null}>
          {running === 'samples' ? 'Running samples…' : 'Run samples'}
        </button>
        <button className="primary" onClick={() => void runTests('hidden', lang)} disabled={running !== null}>
          {running === 'hidden' ? 'Running hidden tests…' : 'Run hidden tests'}
        </button>
        {samples && <ResultsTable label="Sample tests" verdict={samples.verdict} tests={samples.tests} />}
        {hidden && (
          <ResultsTable
            label="Hidden tests"
            verdict={hidden.verdict}
            tests={hidden.tests}
            score={hidden.score === null ? null : `score ${hidden.score}/${hidden.maxScore}`}
          />
        )}
      </section>
      <NotesPanel />
      <RubricPanel />
      <section aria-label="Report" className="interview-report">
        <h3>Report</h3>
        <button onClick={() => void makeReport()} disabled={busy !== null}>
          Write report
        </button>
        {busy && <p role="status">{busy}</p>}
        {report && (
          <p>
            <button onClick={() => void openReport(report.id, 'view', report.title)}>Open report</button>{' '}
            <button onClick={() => void openReport(report.id, 'html')}>Download HTML</button>{' '}
            <button onClick={() => void openReport(report.id, 'pdf')} disabled={!report.pdfPath} title={report.pdfError}>
              Download PDF
            </button>
          </p>
        )}
      </section>
      <details className="interview-statement">
        <summary>Statement (as the candidate sees it)</summary>
        <StatementView markdown={room.markdown} samples={room.samples} />
      </details>
    </>
  );
}

function CandidatePanel() {
  const room = useInterview((s) => s.room);
  const samples = useInterview((s) => s.samples);
  const running = useInterview((s) => s.running);
  const [language, setLanguage] = useState<LanguageId | null>(null);
  if (!room) return null;
  const lang = language ?? room.languages[0]!;
  return (
    <>
      <h3>{room.name}</h3>
      <ClockPanel side="candidate" />
      <section aria-label="Runs" className="interview-runs">
        <LanguagePick languages={room.languages} value={lang} onChange={setLanguage} />
        <button onClick={() => void interviewRoom.candidateRunSamples(lang)} disabled={running !== null}>
          {running === 'samples' ? 'Running samples…' : 'Run samples'}
        </button>
        {samples && <ResultsTable label="Sample tests" verdict={samples.verdict} tests={samples.tests} />}
      </section>
      <StatementView markdown={room.markdown} samples={room.samples} />
    </>
  );
}

/** The Interview side view (issue 9): the bank when no interview is on, else the side's panel. */
export function InterviewView() {
  const side = useInterview((s) => s.side);
  return (
    <div className="view interview-view" role="region" aria-label="Interview">
      <header className="view-header">
        <h2>{side === 'interviewer' ? 'Interview (interviewer)' : side === 'candidate' ? 'Interview (candidate)' : 'Interview'}</h2>
      </header>
      <div className="view-body">{side === 'interviewer' ? <InterviewerPanel /> : side === 'candidate' ? <CandidatePanel /> : <BankPanel />}</div>
    </div>
  );
}
