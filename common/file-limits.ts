// Size caps that the editor and the sandbox must agree on, declared once (issue 12): a file the
// editor opens and saves must also run. The sandbox's own caps (files per run, bytes per run)
// are in common/sandbox.ts and are set so that a file of this size fits.

/** Largest text file the editor opens or saves and a run takes, in bytes. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
