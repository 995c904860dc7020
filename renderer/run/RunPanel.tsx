import { GuestRunSwitch } from '../collab/GuestRunSwitch';
import { useEffect, useRef } from 'react';
import type { LanguageId } from '../../common/languages';
import type { RunResult } from '../../common/sandbox';
import { useWorkbench, workbench } from '../state/store';
import { updateSettings } from '../workbench/actions';
import { baseName } from '../../common/paths';
import { RunHeader } from './RunHeader';
import { RunStatus, VERDICT_LABELS } from './RunStatus';
import { RunLimits } from './RunLimits';
import { setStdin } from './run-inputs';
import { buildImages, cancelRun, refreshRunHistory, refreshSandboxStatus, runActiveFile, runLanguageFor, RUNNABLE_LANGUAGES } from './run-actions';

function SandboxState() {
  const status = useWorkbench((s) => s.sandboxStatus);
  const build = useWorkbench((s) => s.imageBuild);
  const allowUnsandboxed = useWorkbench((s) => s.settings.allowUnsandboxed);
  const inRoom = useWorkbench((s) => s.collab.room !== null);
  if (!status) return null;
  if (status.docker !== 'ok') {
    return (
      <div className="sandbox-state" role="status">
        <p>
          Docker is not available ({status.message ?? status.docker}). Sandboxed runs need a running Docker engine: install
          Docker, start it, then <button onClick={() => void refreshSandboxStatus()}>Check again</button>.
        </p>
        {inRoom ? (
          <p>In a shared room, code runs only in a sandbox.</p>
        ) : allowUnsandboxed ? (
          <p>
            <button className="danger" onClick={() => void runActiveFile({ unsandboxed: true })}>
              Run unsandboxed
            </button>{' '}
            runs the program on this machine with your own rights, with no isolation.
          </p>
        ) : (
          <p>
            Working alone and trust the code? <button onClick={() => void updateSettings({ allowUnsandboxed: true })}>Allow unsandboxed runs</button>{' '}
            (never offered in a shared room).
          </p>
        )}
      </div>
    );
  }
  const missing = status.images.filter((i) => !i.present);
  if (missing.length === 0 && !build) return null;
  const images = [...new Set(missing.map((m) => m.image))];
  return (
    <div className="sandbox-state" role="status">
      {build ? (
        <>
          <p>
            Building sandbox images: {build.image || 'preparing'} {build.message ? `— ${build.message.slice(0, 120)}` : ''}
          </p>
          <progress aria-label="Image build progress" max={build.total} value={build.done} />
        </>
      ) : (
        <p>
          The sandbox images for {missing.map((m) => m.language).join(', ')} are not built ({images.length} image
          {images.length === 1 ? '' : 's'}). <button className="primary" onClick={() => void buildImages()}>Build images</button>
        </p>
      )}
    </div>
  );
}

export function RunPanel() {
  const activeTab = useWorkbench((s) => s.activeTab);
  const runLanguage = useWorkbench((s) => s.runLanguage);
  const stdin = useWorkbench((s) => (s.activeTab ? (s.stdinByFile[s.activeTab] ?? '') : ''));
  const run = useWorkbench((s) => s.currentRun);
  const history = useWorkbench((s) => s.runHistory);
  const workspace = useWorkbench((s) => s.workspace);
  const output = useRef<HTMLPreElement>(null);
  const language = runLanguageFor(activeTab);
  // Another member's run on the room host's machine is shown, but it is not this window's to stop.
  const running = run !== null && run.state !== 'done' && !(run.remote && !run.remote.mine);

  useEffect(() => {
    void refreshSandboxStatus();
  }, []);
  useEffect(() => {
    void refreshRunHistory();
  }, [workspace]);
  useEffect(() => {
    const el = output.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [run?.outputChars]);

  return (
    <div className="run-panel">
      <div className="run-controls">
        <label>
          Language
          <select
            aria-label="Language"
            value={runLanguage ?? ''}
            onChange={(e) => workbench.set({ runLanguage: (e.target.value || null) as LanguageId | null })}
          >
            <option value="">From the file{language && !runLanguage ? ` (${RUNNABLE_LANGUAGES.find((l) => l.id === language)?.name})` : ''}</option>
            {RUNNABLE_LANGUAGES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <GuestRunSwitch />
        {running ? (
          <button className="danger" onClick={() => void cancelRun()}>
            Stop
          </button>
        ) : (
          <button className="primary" onClick={() => void runActiveFile()} disabled={!activeTab} title="Run (Ctrl+Enter)">
            Run
          </button>
        )}
        <RunLimits language={language} />
        <label className="stdin">
          Input (stdin){activeTab ? ` for ${baseName(activeTab)}` : ''}
          <textarea
            aria-label="Standard input"
            value={stdin}
            rows={3}
            spellCheck={false}
            disabled={!activeTab}
            onChange={(e) => activeTab && setStdin(activeTab, e.target.value)}
          />
        </label>
        <SandboxState />
      </div>
      <div className="run-output">
        <RunStatus run={run} />
        {run && <RunHeader run={run} />}
        <pre ref={output} className="output" aria-label="Program output" tabIndex={0}>
          {run?.output.map((chunk, i) => (
            <span key={i} className={`out-${chunk.stream}`}>
              {chunk.data}
            </span>
          ))}
        </pre>
      </div>
      <section className="run-history" aria-label="Execution history">
        <h3>History</h3>
        <ul>
          {history.map((r) => (
            <li key={r.runId}>
              <button
                className="link"
                onClick={() =>
                  workbench.set({
                    currentRun: {
                      runId: r.runId,
                      entry: r.entry,
                      language: r.language as LanguageId,
                      state: 'done',
                      output: [{ stream: 'stdout', data: r.output }],
                      outputChars: r.output.length,
                      result: {
                        verdict: r.verdict as RunResult['verdict'],
                        sandboxed: r.sandboxed,
                        exitCode: r.exitCode,
                        signal: r.signal,
                        wallMs: r.wallMs,
                        cpuMs: r.cpuMs,
                        peakMemoryKb: r.peakMemoryKb,
                        message: r.message ?? undefined,
                      },
                    },
                  })
                }
              >
                {r.entry}
              </button>
              <span className={`verdict verdict-${r.verdict}`}>{VERDICT_LABELS[r.verdict] ?? r.verdict}</span>
              <span className="measures">{new Date(r.startedAt).toLocaleTimeString()}</span>
            </li>
          ))}
          {history.length === 0 && <li className="empty">No runs yet in this folder.</li>}
        </ul>
      </section>
    </div>
  );
}
