import type { ServiceSpec } from './rpc';

// The history service of the host contract (issue 5): recording the workspace doc, replay,
// snapshots, export/import. Declared here and merged into common/contract.ts.
export const historyContract = {} satisfies ServiceSpec;
