import { z } from 'zod';
import { MAX_GUEST_STDIN_BYTES } from '../../common/contract-guest-runs';
import { LanguageIdSchema, RunIdSchema, RunLimitsSchema, utf8Length, VerdictSchema } from '../../common/sandbox';
import { WorkspacePathSchema } from '../../common/paths';
import type { MemberRole } from '../../common/membership';

// What members and the host say to each other about guest runs (issue 8 item 6), over the
// RoomChannel (never the Y.Doc). Every message is parsed with these schemas on arrival.

export const GuestRunTopic = {
  /** member -> host: run this file of the room. */
  request: 'guest-run/request',
  /** member -> host: stop my run. */
  cancel: 'guest-run/cancel',
  /** host -> the member who asked: refused, and why. */
  refused: 'guest-run/refused',
  /** host -> everyone: a guest run started, and its events. */
  run: 'guest-run/run',
} as const;

/** Roles that may ask the host to run code; viewers and knocking peers may not. */
export const RUNNER_ROLES: ReadonlySet<MemberRole | 'knocking'> = new Set<MemberRole | 'knocking'>(['owner', 'admin', 'editor', 'interviewer', 'candidate']);

/** Output the host passes on in one message; the sandbox's own events are far smaller. */
const MAX_CHUNK_CHARS = 256 * 1024;
const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const GuestRunRequestMessageSchema = z
  .object({
    requestId: RequestIdSchema,
    entry: WorkspacePathSchema,
    language: LanguageIdSchema,
    stdin: z.string().refine((s) => utf8Length(s) <= MAX_GUEST_STDIN_BYTES, `stdin may be at most ${MAX_GUEST_STDIN_BYTES / 1024} KB`),
    limits: RunLimitsSchema.optional(),
  })
  .strict();
export type GuestRunRequestMessage = z.infer<typeof GuestRunRequestMessageSchema>;

export const GuestRunCancelSchema = z.object({ runId: RunIdSchema }).strict();

export const GuestRunRefusedSchema = z.object({ requestId: RequestIdSchema, message: z.string().max(500) }).strict();

const RunSummarySchema = z
  .object({
    verdict: VerdictSchema,
    exitCode: z.number().int().nullable(),
    signal: z.string().max(32).nullable(),
    wallMs: z.number().min(0),
    cpuMs: z.number().min(0).nullable(),
    peakMemoryKb: z.number().min(0).nullable(),
    sandboxed: z.boolean(),
    message: z.string().max(2000).optional(),
  })
  .strip();

const PhaseSchema = z.enum(['compile', 'run']);

export const GuestRunBroadcastSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('started'),
      requestId: RequestIdSchema,
      runId: RunIdSchema,
      entry: WorkspacePathSchema,
      language: LanguageIdSchema,
      /** Who asked (their key and the name they gave). */
      by: z.object({ key: z.string().max(64), name: z.string().max(80) }).strict(),
      /** The host's name, for "run on <host>'s machine". */
      hostName: z.string().max(80),
    })
    .strict(),
  z.object({ kind: z.literal('queued'), runId: RunIdSchema, position: z.number().int().min(0) }).strict(),
  z.object({ kind: z.literal('phase'), runId: RunIdSchema, phase: PhaseSchema }).strict(),
  z
    .object({ kind: z.literal('output'), runId: RunIdSchema, phase: PhaseSchema, stream: z.enum(['stdout', 'stderr']), data: z.string().max(MAX_CHUNK_CHARS) })
    .strict(),
  z.object({ kind: z.literal('done'), runId: RunIdSchema, result: RunSummarySchema }).strict(),
]);
export type GuestRunBroadcast = z.infer<typeof GuestRunBroadcastSchema>;
export type RunSummaryWire = z.infer<typeof RunSummarySchema>;

export { MAX_CHUNK_CHARS };
