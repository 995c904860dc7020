import type { CallResult, Disposer } from './rpc';

// What the Electron preload puts on `window.codecrafter`: for each service, its request methods
// (answering a CallResult envelope, because Electron keeps only the message of a thrown error)
// and its events (taking a listener, returning its disposer). Named methods only: no generic
// `invoke` or `send` reaches the page.

export type BridgeMethod = (arg?: unknown) => Promise<CallResult>;
export type BridgeEvent = (listener: (payload: unknown) => void) => Disposer;
export type Bridge = Record<string, Record<string, BridgeMethod | BridgeEvent>>;

/** IPC channels start with this; main refuses every other channel. */
export const IPC_CHANNEL_PREFIX = 'codecrafter:';
/** The one channel main uses to push events to a window. */
export const IPC_EVENT_CHANNEL = `${IPC_CHANNEL_PREFIX}event`;
/** The custom scheme that serves the renderer in Electron, so the origin is ours and fixed. */
export const APP_SCHEME = 'codecrafter-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
