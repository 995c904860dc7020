import type { AppInfo } from '../../common/types';
import type { EventHub } from '../../common/rpc';
import type { SandboxService } from '../sandbox/service';
import type { SettingsStore } from '../store/settings-store';
import type { WorkspaceService } from '../workspace/workspace-service';

/** What the services of one host share; each area's handlers are built from it. */
export interface HostContext {
  hub: EventHub;
  dataDir: string;
  host: AppInfo['host'];
  workspace: WorkspaceService;
  settings: SettingsStore;
  sandbox: SandboxService;
}

/** An area's handlers for the contract, and what to release when the host stops. */
export interface AreaHandlers<Impl> {
  impl: Impl;
  dispose?: () => void | Promise<void>;
}
