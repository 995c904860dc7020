import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CurrentRun, RunSummary } from '../state/store';
import { RunHeader } from './RunHeader';
import { RunStatus } from './RunStatus';

// The run panel's verdict display, rendered as the page gets it (react-dom/server: no DOM here).

const result = (patch: Partial<RunSummary>): RunSummary => ({
  verdict: 'ok',
  exitCode: 0,
  signal: null,
  wallMs: 52.4,
  cpuMs: 31,
  peakMemoryKb: 9 * 1024,
  sandboxed: true,
  ...patch,
});

const run = (patch: Partial<CurrentRun>): CurrentRun => ({ runId: 'r1', entry: 'main.py', language: 'python', state: 'done', output: [], outputChars: 0, ...patch });

/** The text of the element with this aria-label (the verdict, the run state), tags stripped. */
function labelled(html: string, label: string): string | undefined {
  const match = html.match(new RegExp(`aria-label="${label}"[^>]*>(.*?)</span>`));
  return match?.[1]?.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");
}

describe('RunStatus', () => {
  it('says how to start when nothing ran', () => {
    const html = renderToStaticMarkup(<RunStatus run={null} />);
    expect(html).toContain('Press Ctrl+Enter (or Run) to run the open file in a sandbox.');
    expect(labelled(html, 'Verdict')).toBeUndefined();
  });

  it('shows the state while the run goes on, with the queue position', () => {
    expect(labelled(renderToStaticMarkup(<RunStatus run={run({ state: 'queued', queuePosition: 3 })} />), 'Run state')).toBe('Waiting for a sandbox (position 3)… main.py');
    expect(labelled(renderToStaticMarkup(<RunStatus run={run({ state: 'compiling' })} />), 'Run state')).toBe('Compiling… main.py');
    expect(labelled(renderToStaticMarkup(<RunStatus run={run({ state: 'running' })} />), 'Run state')).toBe('Running… main.py');
  });

  it('names each verdict in words, with measures', () => {
    const html = renderToStaticMarkup(<RunStatus run={run({ result: result({}) })} />);
    expect(labelled(html, 'Verdict')).toBe('OK');
    expect(html).toContain('class="verdict verdict-ok"');
    expect(html).toContain('52 ms wall · 31 ms CPU · 9.0 MB peak');
    expect(html).not.toContain('Ran unsandboxed');
    expect(labelled(renderToStaticMarkup(<RunStatus run={run({ result: result({ verdict: 'time-limit' }) })} />), 'Verdict')).toBe('Time limit exceeded');
  });

  it('gives a runtime error its exit code, or its signal when it was killed', () => {
    expect(labelled(renderToStaticMarkup(<RunStatus run={run({ result: result({ verdict: 'runtime-error', exitCode: 3 }) })} />), 'Verdict')).toBe('Runtime error (exit code 3)');
    expect(labelled(renderToStaticMarkup(<RunStatus run={run({ result: result({ verdict: 'runtime-error', exitCode: null, signal: 'SIGSEGV' }) })} />), 'Verdict')).toBe('Runtime error (SIGSEGV)');
  });

  it('says why a run failed and that it ran without a sandbox; leaves out what it does not know', () => {
    const html = renderToStaticMarkup(
      <RunStatus run={run({ result: result({ verdict: 'internal-error', message: 'the sandbox image is missing', sandboxed: false, cpuMs: null, peakMemoryKb: null }) })} />,
    );
    expect(html).toContain('<span class="run-message">the sandbox image is missing</span>');
    expect(html).toContain('Ran unsandboxed');
    expect(html).toContain('>52 ms wall<');
    // An ok run's message is not an error to show.
    expect(renderToStaticMarkup(<RunStatus run={run({ result: result({ message: 'note' }) })} />)).not.toContain('run-message');
  });
});

describe('RunHeader', () => {
  it('names the file with the verdict, time and memory once done', () => {
    const html = renderToStaticMarkup(<RunHeader run={run({ result: result({ wallMs: 1234, peakMemoryKb: 200 }) })} />);
    expect(labelled(html.replace('<div', '<span').replace('</div>', '</span>'), 'Run result')).toBe('main.py — ok · 1.23 s · 1 MB');
    expect(html).toContain('verdict-ok');
  });

  it('counts the elapsed time while the run goes on', () => {
    const html = renderToStaticMarkup(<RunHeader run={run({ state: 'running', startedAt: Date.now() })} />);
    expect(html).toContain('main.py — running…');
    expect(html).toMatch(/role="timer" aria-label="Elapsed time"[^>]*>\d+\.\d s</);
    expect(renderToStaticMarkup(<RunHeader run={run({ state: 'queued' })} />)).toContain('main.py — waiting for a sandbox…');
  });
});
