import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../common/sandbox';
import { startRealHost, type RealHost } from '../renderer/real-host';

// Runs with "Runs use the room container" on (the default) where Docker cannot be reached: the run
// gets the sandbox's own answer about Docker, not a refusal that speaks of a room container the
// user never made. Docker is made unreachable for this file's process only (its own DOCKER_HOST).

process.env.DOCKER_HOST = 'unix:///nonexistent/codecrafter-test-docker.sock';

let host: RealHost;

beforeAll(async () => {
  host = startRealHost();
  writeFileSync(path.join(host.project, 'main.py'), 'print("hi")\n');
  await host.api.workspace.open({ path: host.project });
});

afterAll(() => host?.dispose());

describe('a run meant for the room container, without Docker', () => {
  it('says what the sandbox says about Docker, not that a room container refused it', async () => {
    const events: RunEvent[] = [];
    host.api.sandbox.onDidRunEvent((event) => events.push(event));
    const outcome = await host.api.sandbox.run({ language: 'python', entry: 'main.py', roomContainer: {} }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    if (outcome === 'started') await expect.poll(() => events.some((e) => e.type === 'done'), { timeout: 30_000 }).toBe(true);
    const said = outcome === 'started' ? JSON.stringify(events.find((e) => e.type === 'done')) : outcome;
    expect(said).not.toMatch(/room container/i);
    expect(said).toMatch(/Docker/);
  });
});
