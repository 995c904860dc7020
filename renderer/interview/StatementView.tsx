import { useMemo } from 'react';
import { safeStatementHtml } from './statement-html';

/**
 * A problem statement: Markdown from the package, rendered without raw HTML and sanitised with
 * DOMPurify (statement-html.ts). LaTeX is shown as its source, in a math-styled span.
 */
export function StatementView({ markdown, samples }: { markdown: string; samples?: Array<{ name: string; input: string; answer: string }> }) {
  const html = useMemo(() => safeStatementHtml(markdown), [markdown]);
  return (
    <section className="statement" aria-label="Problem statement">
      {/* Sanitised twice over: markdown-it escapes all HTML, DOMPurify cleans its output. */}
      <div className="statement-body" dangerouslySetInnerHTML={{ __html: html }} />
      <p className="muted statement-help">Formulas are shown as LaTeX source (between $ signs); CodeCrafter does not render LaTeX.</p>
      {samples && samples.length > 0 && (
        <div className="statement-samples" aria-label="Sample tests" role="group">
          {samples.map((s, i) => (
            <div key={s.name} className="statement-sample">
              <h4>{`Sample ${i + 1}`}</h4>
              <div className="sample-io">
                <pre aria-label={`Sample ${i + 1} input`}>{s.input}</pre>
                <pre aria-label={`Sample ${i + 1} output`}>{s.answer}</pre>
              </div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
