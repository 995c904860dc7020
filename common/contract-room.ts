import type { ServiceSpec } from './rpc';

// The room service of the host contract (issue 4): hosting a room (the embedded signalling
// server, the LAN address for invites). Declared here and merged into common/contract.ts.
export const roomContract = {} satisfies ServiceSpec;
