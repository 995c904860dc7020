// Whether a run may skip the sandbox: the one place this is decided (issue 12; it used to be
// checked in three places, one of them dead). Unsandboxed runs are for a solo user without Docker
// who opted in, and never while hosting a room (DESIGN.md section 5: a room's runs are always
// sandboxed, whatever the host's setting).

export interface UnsandboxedState {
  /** The user turned on "Allow unsandboxed runs" (or passed --unsandboxed on the command line). */
  allowed: boolean;
  /** A room is shared from this app: peers' code may be in the workspace. */
  hostingRoom: boolean;
}

/** Why an unsandboxed run is refused now, or null when it may go ahead. */
export function unsandboxedRefusal(state: UnsandboxedState): string | null {
  if (state.hostingRoom) return 'Runs in a shared room are always sandboxed: stop sharing to run unsandboxed.';
  if (!state.allowed)
    return 'Running without a sandbox is off. Turn on "Allow unsandboxed runs" in Settings to run code on this machine with your own rights.';
  return null;
}
