import { z } from 'zod';
import { PublicKeySchema } from './identity';
import { method, event, type ServiceSpec } from './rpc';
import { RunIdSchema, RunRequestSchema, utf8Length, type RunEvent } from './sandbox';

// Runs asked for by a room's members (issue 8 item 6): the host's page takes a member's request
// off the RoomChannel, checks who asks, and hands main the room's text of the files; main limits
// the rate per member and runs it in the sandbox — never unsandboxed, whatever the host's
// setting. Merged into common/contract.ts as the `guestRuns` service.

/** stdin a member may send with a run: enough for any exercise, small enough for a data channel. */
export const MAX_GUEST_STDIN_BYTES = 64 * 1024;

const MemberNameSchema = z.string().max(80);

/** A guest run as the host's page hands it to main: a sandbox run request plus who asked. */
export const GuestRunRequestSchema = z
  .object({
    /** The member's key (from the RoomChannel's handshake, not from the member's own words). */
    memberKey: PublicKeySchema,
    memberName: MemberNameSchema,
    run: RunRequestSchema,
  })
  .strict()
  .superRefine((request, ctx) => {
    if (request.run.unsandboxed) ctx.addIssue({ code: 'custom', message: 'a guest run is always sandboxed', path: ['run', 'unsandboxed'] });
    const stdin = request.run.stdin ?? '';
    if (utf8Length(stdin) > MAX_GUEST_STDIN_BYTES) {
      ctx.addIssue({ code: 'custom', message: `a guest's stdin may be at most ${MAX_GUEST_STDIN_BYTES / 1024} KB`, path: ['run', 'stdin'] });
    }
  });
export type GuestRunRequest = z.infer<typeof GuestRunRequestSchema>;

/** A run event of a guest run, with the member it runs for. */
export type GuestRunEvent = RunEvent & { memberKey: string };

export const guestRunsContract = {
  /**
   * Host: run a member's request in the sandbox. Refused (permission-denied) when guest runs
   * are switched off or no room is hosted, and (unavailable) past the member's rate: at most
   * `guestRunsInFlight` at once and `guestRunsPerMinute` per minute (Settings).
   */
  runForGuest: method<{ runId: string }>()(GuestRunRequestSchema),
  /** Host: stop a guest run; only the member who asked (or the host) may. */
  cancelForGuest: method<{ cancelled: boolean }>()(z.object({ memberKey: PublicKeySchema, runId: RunIdSchema }).strict()),
  /** Every event of every guest run, for the host's page to pass on to the room. */
  onDidGuestRunEvent: event<GuestRunEvent>(),
} satisfies ServiceSpec;
