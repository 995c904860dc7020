// Shared by the sandbox integration tests: a service against the real dockerd, a helper that
// runs a request to the end while collecting its output, and the containers a service left.
import Docker from 'dockerode';
import type { RunEvent, RunRequestInput, RunResult } from '../../../common/sandbox';
import { LABEL_OWNER } from '../../../main/sandbox/container-spec';
import { SandboxService, type SandboxServiceOptions } from '../../../main/sandbox/service';

export const docker = new Docker();

/** A started service; fails with what to do when Docker or an image is missing. */
export async function startService(options: SandboxServiceOptions = {}): Promise<SandboxService> {
  const service = new SandboxService(options);
  const state = await service.start();
  if (state.docker !== 'ok') throw new Error(`Docker is needed for the sandbox tests: ${state.message}`);
  const status = await service.status();
  const missing = status.images.filter((i) => !i.present).map((i) => i.language);
  if (missing.length) throw new Error(`sandbox images missing for ${missing.join(', ')}: run \`npm run images\` first`);
  return service;
}

export interface Finished {
  result: RunResult;
  stdout: string;
  stderr: string;
  compileOutput: string;
  events: RunEvent[];
}

export async function runToEnd(service: SandboxService, request: RunRequestInput): Promise<Finished> {
  const out = { stdout: '', stderr: '', compileOutput: '' };
  const events: RunEvent[] = [];
  const handle = service.run(request, (event) => {
    if (event.type !== 'output') events.push(event);
    if (event.type !== 'output') return;
    if (event.phase === 'compile') out.compileOutput += event.data;
    else out[event.stream] += event.data;
  });
  const result = await handle.result;
  return { result, ...out, events };
}

/** Containers carrying this service's owner label (running or not). */
export async function containersOf(service: Pick<SandboxService, 'ownerId'>): Promise<string[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL_OWNER}=${service.ownerId}`] } });
  return list.map((c) => c.Id);
}

/** A one-file request. */
export function one(language: RunRequestInput['language'], path: string, content: string, extra: Partial<RunRequestInput> = {}): RunRequestInput {
  return { language, files: [{ path, content }], ...extra };
}
