import { useEffect, useState } from 'react';
import { LANGUAGE_IDS, LANGUAGES, type LanguageId } from '../../common/languages';
import { exportProblem, importProblem, loadProblems, previewProblem, startInterview } from './interview-actions';
import { useInterview } from './interview-state';
import { StatementView } from './StatementView';

/** The problem bank: browse, preview, import, export, and start an interview from a problem. */
export function BankPanel() {
  const problems = useInterview((s) => s.problems);
  const error = useInterview((s) => s.problemsError);
  const preview = useInterview((s) => s.preview);
  const busy = useInterview((s) => s.busy);
  const [filter, setFilter] = useState('');
  const [importPath, setImportPath] = useState('');
  const [exportPath, setExportPath] = useState('');
  const [languages, setLanguages] = useState<LanguageId[]>(['python']);
  useEffect(() => void loadProblems(), []);
  const shown = problems.filter((p) => `${p.id} ${p.name}`.toLowerCase().includes(filter.toLowerCase()));
  const offered = preview ? LANGUAGE_IDS.filter((l) => preview.starters.some((s) => s.language === l)) : [];
  const chosen = languages.filter((l) => offered.includes(l));

  return (
    <div className="interview-bank">
      <h3>Problem bank</h3>
      {error && <p role="alert">{`Cannot read the problem bank: ${error}`}</p>}
      <input type="search" aria-label="Filter problems" placeholder="Filter problems" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul className="problem-list" aria-label="Problems">
        {shown.map((p) => (
          <li key={p.id}>
            <button className={`problem-item ${preview?.id === p.id ? 'selected' : ''}`} aria-pressed={preview?.id === p.id} onClick={() => void previewProblem(p.id)}>
              <span>{p.name}</span>
              <span className="muted">{` ${p.id} · ${p.samples} samples · ${p.secretTests} hidden · ${p.type}`}</span>
            </button>
          </li>
        ))}
        {problems.length > 0 && shown.length === 0 && <li className="muted">No problem matches.</li>}
      </ul>
      <form
        className="bank-import"
        onSubmit={(e) => {
          e.preventDefault();
          void importProblem(importPath).then((ok) => ok && setImportPath(''));
        }}
      >
        <label>
          Import a package (folder or .zip on this machine)
          <input aria-label="Package path" value={importPath} placeholder="/path/to/problem or problem.zip" onChange={(e) => setImportPath(e.target.value)} />
        </label>
        <button type="submit" disabled={!importPath.trim() || busy !== null}>
          Import
        </button>
      </form>
      {busy && <p role="status">{busy}</p>}
      {preview && (
        <div className="problem-preview" aria-label={`Problem ${preview.name}`} role="region">
          <h3>{preview.name}</h3>
          <p className="muted">{`${preview.timeLimitMs ? `${preview.timeLimitMs / 1000} s per test · ` : ''}${preview.memoryMb ? `${preview.memoryMb} MB` : ''}`}</p>
          <fieldset className="interview-start">
            <legend>Start an interview with this problem</legend>
            <div className="language-choices" role="group" aria-label="Languages">
              {offered.map((l) => (
                <label key={l} className="checkbox">
                  <input
                    type="checkbox"
                    checked={languages.includes(l)}
                    onChange={(e) => setLanguages((ls) => (e.target.checked ? [...ls, l] : ls.filter((x) => x !== l)))}
                  />
                  {LANGUAGES[l].name}
                </label>
              ))}
            </div>
            <button className="primary" disabled={chosen.length === 0 || busy !== null} onClick={() => void startInterview(preview.id, chosen)}>
              Start interview
            </button>
            <p className="muted">Shares a new room with the starter code; the candidate joins with the invite and sees the statement and samples. Hidden tests and your notes stay on this machine.</p>
          </fieldset>
          <form
            className="bank-export"
            onSubmit={(e) => {
              e.preventDefault();
              void exportProblem(preview.id, exportPath);
            }}
          >
            <label>
              Export to (a new folder, or a path ending in .zip)
              <input aria-label="Export path" value={exportPath} onChange={(e) => setExportPath(e.target.value)} />
            </label>
            <button type="submit" disabled={!exportPath.trim()}>
              Export
            </button>
          </form>
          <StatementView markdown={preview.markdown} samples={preview.samples} />
        </div>
      )}
    </div>
  );
}
