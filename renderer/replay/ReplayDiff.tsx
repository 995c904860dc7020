import { useEffect, useState } from 'react';
import type { FileDiff } from '../../common/history';
import { api } from '../host';

/** What changed between two moments of a session, per file, with the changed text marked. */
export function ReplayDiff({ sessionId, from, to }: { sessionId: string; from: number; to: number }) {
  const [diff, setDiff] = useState<FileDiff[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.history
      .diff({ sessionId, from: { seq: Math.min(from, to) }, to: { seq: Math.max(from, to) } })
      .then((d) => live && (setDiff(d), setError(null)))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [sessionId, from, to]);
  return (
    <section className="replay-diff" aria-label="Changes between the two moments">
      <h3>
        Changes from edit {Math.min(from, to)} to edit {Math.max(from, to)}
      </h3>
      {error && <p role="alert">{error}</p>}
      {diff?.length === 0 && <p>No file changed.</p>}
      {diff?.map((d) => (
        <article key={d.path} aria-label={`Diff of ${d.path}`}>
          <h4>
            {d.path} <span className="muted">{`${d.status}, +${d.inserted} −${d.deleted}`}</span>
          </h4>
          <pre className="replay-diff-text">
            {d.hunks.map(([op, text], i) =>
              op === 0 ? (
                <span key={i}>{text.length > 400 ? `${text.slice(0, 200)}\n…\n${text.slice(-200)}` : text}</span>
              ) : op === 1 ? (
                <ins key={i}>{text}</ins>
              ) : (
                <del key={i}>{text}</del>
              ),
            )}
          </pre>
        </article>
      ))}
    </section>
  );
}
