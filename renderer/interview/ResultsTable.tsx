import type { SampleVerdicts } from './room-interview';

type Row = SampleVerdicts['tests'][number] & { message?: string };

/** Per-test verdicts with the diff of a wrong answer (samples for both sides; hidden for the interviewer). */
export function ResultsTable({ label, verdict, tests, score }: { label: string; verdict: string; tests: Row[]; score?: string | null }) {
  return (
    <section className="interview-results" aria-label={label}>
      <h4>
        {label}: <span className={`verdict verdict-${verdict}`} data-verdict={verdict}>{verdict}</span>
        {score ? ` · ${score}` : ''}
      </h4>
      <table>
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Verdict</th>
            <th scope="col">CPU</th>
          </tr>
        </thead>
        <tbody>
          {tests.map((t) => (
            <tr key={t.name} aria-label={`${t.name} ${t.verdict}`}>
              <td>{t.name.replace(/^data\//, '')}</td>
              <td className={`verdict verdict-${t.verdict}`}>{t.verdict}</td>
              <td>{t.cpuMs === null ? '' : `${t.cpuMs} ms`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {tests
        .filter((t) => t.diff)
        .map((t) => (
          <details key={t.name} open className="interview-diff">
            <summary>{`Diff of ${t.name.replace(/^data\//, '')}`}</summary>
            <pre aria-label={`Diff of ${t.name}`}>{t.diff}</pre>
          </details>
        ))}
    </section>
  );
}
