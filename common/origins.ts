// The Yjs transaction origins the app gives its own changes, declared once (issue 12). Yjs takes
// any value as an origin; ours are these strings, so a listener that asks "why did this change?"
// compares against a checked name instead of a loose string. (Monaco bindings and providers use
// their own objects as origins; those are not ours to name.)
export const TxOrigin = {
  /** A file's text read from disk: an outside change merged in, or a file opened. */
  disk: 'disk',
  /** A live session's logged state restored into the window's doc (reopening a folder). */
  historyRestore: 'history-restore',
  /** A replay snapshot restored into the editor. */
  snapshotRestore: 'snapshot-restore',
  /** Awareness states removed because that peer's connection closed. */
  peerClosed: 'peer-closed',
} as const;

export type TxOrigin = (typeof TxOrigin)[keyof typeof TxOrigin];
