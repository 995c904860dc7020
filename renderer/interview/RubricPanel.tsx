import { useEffect, useState } from 'react';
import { RUBRIC_SCORE_LABELS, RUBRIC_SCORES, type Rubric } from '../../common/interview';
import { saveRubric } from './interview-actions';
import { useInterview } from './interview-state';

function ScoreSelect({ label, value, onChange }: { label: string; value: number | null; onChange: (v: Rubric['overall']) => void }) {
  return (
    <label className="rubric-row">
      <span>{label}</span>
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : (Number(e.target.value) as Rubric['overall']))}>
        <option value="">—</option>
        {RUBRIC_SCORES.map((s) => (
          <option key={s} value={s}>{`${s} · ${RUBRIC_SCORE_LABELS[s]}`}</option>
        ))}
      </select>
    </label>
  );
}

/** The interviewer's rubric: each criterion 1–4 and an overall rating; private, like the notes. */
export function RubricPanel() {
  const saved = useInterview((s) => s.record?.rubric ?? null);
  const [rubric, setRubric] = useState<Rubric | null>(saved);
  useEffect(() => setRubric(saved), [saved]);
  if (!rubric) return null;
  return (
    <section className="interview-rubric" aria-label="Rubric">
      <h3>Rubric</h3>
      {rubric.criteria.map((c, i) => (
        <ScoreSelect
          key={c.name}
          label={c.name}
          value={c.score}
          onChange={(score) => setRubric({ ...rubric, criteria: rubric.criteria.map((x, j) => (j === i ? { ...x, score } : x)) })}
        />
      ))}
      <ScoreSelect label="Overall rating" value={rubric.overall} onChange={(overall) => setRubric({ ...rubric, overall })} />
      <label className="rubric-summary">
        Summary
        <textarea aria-label="Summary" rows={2} value={rubric.summary} onChange={(e) => setRubric({ ...rubric, summary: e.target.value })} />
      </label>
      <button onClick={() => void saveRubric(rubric)}>Save rubric</button>
    </section>
  );
}
