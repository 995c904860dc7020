import type { GuestRunEvent, GuestRunRequest } from '../../common/contract-guest-runs';
import { ErrorCode, HostError } from '../../common/errors';
import type { RunEvent, RunRequest, RunResult } from '../../common/sandbox';
import { getLogger } from '../log/log-service';
import type { Settings } from '../../common/types';
import { GuestRunLimiter } from './guest-run-limiter';

// The host's side of guest runs in main (issue 8 item 6): the page has checked the member's role
// and taken the room's text of the files; here the switch, the rate per member and the sandbox
// are enforced, so nothing the page does can run a member's code unsandboxed or unlimited.

const log = getLogger('guest-runs');

/** What the service needs of the sandbox (SandboxService, or a test's own). */
export interface GuestRunSandbox {
  run(request: RunRequest, onEvent: (event: RunEvent) => void): { runId: string; result: Promise<RunResult> };
  cancel(runId: string): boolean;
}

export interface GuestRunDeps {
  sandbox: GuestRunSandbox;
  /** The host's switch and rates (Settings: guestRunsAllowed, guestRunsPerMinute, guestRunsInFlight). */
  settings: () => Pick<Settings, 'guestRunsAllowed' | 'guestRunsPerMinute' | 'guestRunsInFlight'>;
  /** Whether this host is hosting a room now. */
  hosting: () => boolean;
  emit: (event: GuestRunEvent) => void;
  now?: () => number;
}

export class GuestRunService {
  private readonly limiter: GuestRunLimiter;
  /** Runs going on, with the member each runs for (cancel checks it). */
  private readonly runs = new Map<string, string>();

  constructor(private readonly deps: GuestRunDeps) {
    this.limiter = new GuestRunLimiter(() => {
      const { guestRunsPerMinute, guestRunsInFlight } = deps.settings();
      return { perMinute: guestRunsPerMinute, inFlight: guestRunsInFlight };
    }, deps.now);
  }

  runForGuest({ memberKey, memberName, run }: GuestRunRequest): { runId: string } {
    if (!this.deps.hosting()) throw new HostError(ErrorCode.PermissionDenied, 'No room is hosted here: guest runs are for rooms.');
    if (!this.deps.settings().guestRunsAllowed) throw new HostError(ErrorCode.PermissionDenied, 'The host has switched guest runs off.');
    const admission = this.limiter.admit(memberKey);
    if (!admission.ok) {
      log.info({ member: memberKey.slice(0, 16), name: memberName }, 'guest run refused by the rate limit');
      throw new HostError(ErrorCode.Unavailable, admission.reason);
    }
    let handle;
    try {
      // Never unsandboxed: the schema refuses the flag, and it is forced off here whatever the setting.
      // Never in the room container either: there it would share the user, home and processes of
      // the host's own runs and container terminals (a planted ~/.local/bin/python3, a killed run).
      handle = this.deps.sandbox.run({ ...run, unsandboxed: false }, (event) => this.deps.emit({ ...event, memberKey }));
    } catch (error) {
      admission.release();
      throw error;
    }
    const { runId } = handle;
    this.runs.set(runId, memberKey);
    log.info({ runId, member: memberKey.slice(0, 16), name: memberName, language: run.language, entry: run.entry }, 'guest run started');
    void handle.result.finally(() => {
      admission.release();
      this.runs.delete(runId);
    });
    return { runId };
  }

  cancelForGuest({ memberKey, runId }: { memberKey: string; runId: string }): { cancelled: boolean } {
    if (this.runs.get(runId) !== memberKey) return { cancelled: false };
    return { cancelled: this.deps.sandbox.cancel(runId) };
  }
}
