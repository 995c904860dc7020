import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientTransport } from '../../../common/rpc';
import type { RunEvent } from '../../../common/sandbox';
import { WorkspaceDocuments } from '../../../renderer/editor/workspace-documents';
import { createRunController, type RunController } from '../../../renderer/run/run-controller';
import { startRealHost, type RealHost } from './real-host';

// The run controller over the real host's sandbox service. Docker is pointed at a socket nobody
// listens on, so the "Docker is down" path is the same on every machine, and runs go unsandboxed
// (the user's opt-in for a solo folder) with the machine's own bash: real runs, real events.

let host: RealHost;
let runs: RunController;
let stopEvents: () => void;
/** Requests that reached the host, by channel. */
const asked: string[] = [];

beforeAll(() => {
  process.env.DOCKER_HOST = `unix://${path.join('/nonexistent', 'docker.sock')}`;
});

afterEach(async () => {
  stopEvents?.();
  runs?.dispose();
  await host?.dispose();
  asked.length = 0;
});

function counting(transport: ClientTransport): ClientTransport {
  return {
    subscribe: (channel, listener) => transport.subscribe(channel, listener),
    request(channel, arg) {
      asked.push(channel);
      return transport.request(channel, arg);
    },
  };
}

/**
 * Holds back sandbox.run's answer until the run's last event has arrived: every event then comes
 * before the run id, as when the host streams while the answer is still on its way.
 */
function answersAfterEvents(transport: ClientTransport): ClientTransport {
  const finished = new Set<string>();
  const waiting = new Map<string, () => void>();
  transport.subscribe('sandbox.onDidRunEvent', (payload) => {
    const event = payload as RunEvent;
    if (event.type !== 'done') return;
    finished.add(event.runId);
    waiting.get(event.runId)?.();
  });
  return {
    subscribe: (channel, listener) => transport.subscribe(channel, listener),
    async request(channel, arg) {
      const answer = await transport.request(channel, arg);
      if (channel === 'sandbox.run' && answer.ok) {
        const { runId } = answer.value as { runId: string };
        if (!finished.has(runId)) await new Promise<void>((resolve) => waiting.set(runId, resolve));
      }
      return answer;
    },
  };
}

async function start(wrap?: (t: ClientTransport) => ClientTransport): Promise<WorkspaceDocuments> {
  host = startRealHost((t) => counting(wrap ? wrap(t) : t));
  const documents = new WorkspaceDocuments(host.api.workspace);
  runs = createRunController({ sandbox: host.api.sandbox, store: host.store, documents, notices: host.notices, dockerRecheckMs: 50 });
  stopEvents = host.api.sandbox.onDidRunEvent((event) => runs.handleRunEvent(event));
  writeFileSync(path.join(host.project, 'main.sh'), 'read name\necho "saved $name"\n');
  const info = await host.api.workspace.open({ path: host.project });
  host.store.set({ workspace: info });
  await host.api.settings.update({ allowUnsandboxed: true });
  return documents;
}

async function openTab(documents: WorkspaceDocuments, file: string): Promise<void> {
  await documents.open(file);
  host.store.set((s) => ({ tabs: [...s.tabs, file], activeTab: file }));
}

async function runToEnd(options: { unsandboxed?: boolean } = { unsandboxed: true }) {
  await runs.runActiveFile(options);
  await expect.poll(() => host.store.get().currentRun?.state, { timeout: 20_000 }).toBe('done');
  return host.store.get().currentRun!;
}

describe('run controller', () => {
  it('runs the editor text of the active file with its stdin, and follows the events', async () => {
    const documents = await start();
    await openTab(documents, 'main.sh');
    documents.text('main.sh')!.insert(0, 'echo unsaved\n'); // what you see is what runs
    host.store.set({ stdinByFile: { 'main.sh': 'crafter\n' } });
    const run = await runToEnd();
    expect(run.runId).toMatch(/\S/);
    expect(run.result).toMatchObject({ verdict: 'ok', sandboxed: false });
    expect(run.output.map((c) => c.data).join('')).toBe('unsaved\nsaved crafter\n');
    expect(host.store.get().panelView).toBe('run');
    // The finished run lands in the history the panel lists, through the one refresh that `done`
    // starts: the host keeps the run before it emits `done` (issue 12), so that refresh, on a
    // transport as fast as memory, already finds it.
    await expect.poll(() => host.store.get().runHistory.map((r) => r.runId), { timeout: 10_000 }).toContain(run.runId);
    expect(asked.filter((channel) => channel === 'sandbox.history')).toHaveLength(1);
  });

  it('keeps events that arrive before the run id and applies them once the answer names the run', async () => {
    const documents = await start(answersAfterEvents);
    await openTab(documents, 'main.sh');
    host.store.set({ stdinByFile: { 'main.sh': 'early\n' } });
    await runs.runActiveFile({ unsandboxed: true });
    // runActiveFile returned only after the held answer: every event came first.
    const run = host.store.get().currentRun!;
    expect(run.state).toBe('done');
    expect(run.result?.verdict).toBe('ok');
    expect(run.output.map((c) => c.data).join('')).toBe('saved early\n');
  });

  it('asks first for what is missing and never starts a second run while one goes on', async () => {
    const documents = await start();
    await runs.runActiveFile();
    expect(host.store.get().toasts.at(-1)?.message).toBe('Open the file to run first.');
    await openTab(documents, 'main.sh');
    host.store.set({ runLimits: { timeMs: 'soon', memoryMb: '' } });
    await runs.runActiveFile({ unsandboxed: true });
    expect(host.store.get().toasts.at(-1)?.message).toMatch(/time limit must be a whole number/);
    expect(asked).not.toContain('sandbox.run');
    host.store.set({ runLimits: { timeMs: '', memoryMb: '' }, currentRun: { runId: 'other', entry: 'x.sh', language: 'bash', state: 'running', output: [], outputChars: 0 } });
    await runs.runActiveFile({ unsandboxed: true });
    expect(host.store.get().toasts.at(-1)?.message).toMatch(/A run is going on/);
    expect(asked).not.toContain('sandbox.run');
  });

  it('says why a run was refused and clears the run it showed', async () => {
    const documents = await start();
    await host.api.settings.update({ allowUnsandboxed: false });
    await openTab(documents, 'main.sh');
    await runs.runActiveFile({ unsandboxed: true });
    expect(host.store.get().currentRun).toBeNull();
    expect(host.store.get().toasts.at(-1)).toMatchObject({ level: 'error', key: 'Cannot run "main.sh"' });
  });

  it('says once that Docker is down, asks again on a timer, and stops asking when disposed', async () => {
    await start();
    await runs.refreshSandboxStatus();
    expect(host.store.get().sandboxStatus?.docker).toBe('missing');
    const notices = () => host.store.get().toasts.filter((t) => t.key === 'docker');
    expect(notices()).toHaveLength(1);
    expect(notices()[0]!.message).toMatch(/Docker is not running.*Sandboxed runs need it\./);
    // The user dismisses it; the re-checks that follow do not bring it back.
    host.notices.dismissToast(notices()[0]!.id);
    await expect.poll(() => asked.filter((c) => c === 'sandbox.status').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(notices()).toHaveLength(0);
    runs.dispose();
    const after = asked.filter((c) => c === 'sandbox.status').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked.filter((c) => c === 'sandbox.status').length).toBeLessThanOrEqual(after + 1);
  });

  it('stops a run going on, which ends as cancelled', async () => {
    const documents = await start();
    writeFileSync(path.join(host.project, 'slow.sh'), 'echo started\nsleep 30\n');
    await openTab(documents, 'slow.sh');
    await runs.runActiveFile({ unsandboxed: true });
    await expect.poll(() => host.store.get().currentRun?.output.map((c) => c.data).join(''), { timeout: 20_000 }).toBe('started\n');
    await runs.cancelRun();
    await expect.poll(() => host.store.get().currentRun?.result?.verdict, { timeout: 20_000 }).toBe('cancelled');
    expect(host.store.get().currentRun?.state).toBe('done');
  });
});
