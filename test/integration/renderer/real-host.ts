import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract, type Contract } from '../../../common/contract';
import { createClient, type ClientOf, type ClientTransport } from '../../../common/rpc';
import { createInMemoryTransport } from '../../../main/host/memory-transport';
import { createHostServices, type HostOptions, type HostServices } from '../../../main/host/services';
import { createWorkbenchStore, type WorkbenchStore } from '../../../renderer/state/store';
import { createNotices, type Notices } from '../../../renderer/workbench/notices';

// The renderer's controllers under test get what the window gives them: a contract client, here
// over the memory transport to the real host services (real folders, real SQLite in a temp data
// dir), a store of their own and notices over it.

export interface RealHost {
  dir: string;
  /** The folder opened as the workspace. */
  project: string;
  services: HostServices;
  api: ClientOf<Contract>;
  store: WorkbenchStore;
  notices: Notices;
  /** Errors the notices sent to the log (failures of the page's own). */
  logged: Array<{ message: string; error: unknown }>;
  dispose(): Promise<void>;
}

/** `wrap` sits between the client and the memory transport, e.g. to count or hold back answers. */
export function startRealHost(wrap: (transport: ClientTransport) => ClientTransport = (t) => t, options: Partial<HostOptions> = {}): RealHost {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-renderer-ctl-'));
  const project = path.join(dir, 'project');
  mkdirSync(project, { recursive: true });
  const services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [], ...options });
  const api = createClient(contract, wrap(createInMemoryTransport(services.dispatcher, services.hub)));
  const store = createWorkbenchStore();
  const logged: RealHost['logged'] = [];
  const notices = createNotices(store, { error: (message, error) => logged.push({ message, error }) });
  return {
    dir,
    project,
    services,
    api,
    store,
    notices,
    logged,
    async dispose() {
      await services.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
