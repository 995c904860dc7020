import { useEffect, useRef } from 'react';
import { interviewState, useInterview } from './interview-state';

/**
 * An interview report inside the app: a frame with `sandbox` (no script, no navigation, no
 * forms) holding the report's HTML, which main wrote with everything escaped.
 */
export function ReportDialog() {
  const viewing = useInterview((s) => s.viewing);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (viewing) close.current?.focus();
  }, [viewing]);
  if (!viewing) return null;
  return (
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && interviewState.set({ viewing: null })}>
      <div className="report-dialog" role="dialog" aria-modal="true" aria-label={viewing.title}>
        <header>
          <h2>{viewing.title}</h2>
          <button ref={close} onClick={() => interviewState.set({ viewing: null })}>
            Close report
          </button>
        </header>
        <iframe title="Interview report" sandbox="" srcDoc={viewing.html} />
      </div>
    </div>
  );
}
