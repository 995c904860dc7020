import { useEffect, useState } from 'react';
import type { InterviewReport } from '../../common/interview';
import { api } from '../host';
import { openReport } from './interview-actions';
import { useInterview } from './interview-state';

/** The interview reports written for a recorded session, listed under it in Replay. */
export function SessionReports({ sessionId }: { sessionId: string }) {
  const [reports, setReports] = useState<InterviewReport[]>([]);
  const latest = useInterview((s) => s.report?.id);
  useEffect(() => {
    // No list when the host cannot answer; the host logged why.
    api.interview.reports({ sessionId }).then(setReports, () => setReports([]));
  }, [sessionId, latest]);
  if (reports.length === 0) return null;
  return (
    <ul className="session-reports" aria-label="Interview reports">
      {reports.map((r) => (
        <li key={r.id}>
          <span>{`Report: ${r.title}`}</span>
          <button onClick={() => void openReport(r.id, 'view', r.title)} aria-label={`Open report ${r.title}`}>
            Open
          </button>
          <button onClick={() => void openReport(r.id, 'pdf')} disabled={!r.pdfPath} title={r.pdfError} aria-label={`Download PDF of ${r.title}`}>
            PDF
          </button>
        </li>
      ))}
    </ul>
  );
}
