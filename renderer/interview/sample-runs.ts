import { z } from 'zod';
import { WorkspacePathSchema } from '../../common/paths';
import { redactHiddenTests, type JudgeResult } from '../../common/problem';
import type { Disposer } from '../../common/rpc';
import { LanguageIdSchema, MAX_FILES, RunFileSchema } from '../../common/sandbox';
import type { ChannelSender, RoomChannel } from '../collab/room-channel';

// The candidate's sample runs (issue 9): the candidate asks over the room channel, the
// interviewer's machine judges the room's code against the SAMPLE tests only (its own sandbox) and
// answers the one who asked. The request cannot name other tests, and the answer goes through
// redactHiddenTests, so no hidden input or answer can reach a candidate this way.

export const RUN_SAMPLES_TOPIC = 'interview/run-samples';
export const SAMPLE_RESULT_TOPIC = 'interview/sample-result';

const MAX_REQUEST_ID = 64;
/** One request per member at a time, and at most this many a minute: judging is not free. */
export const SAMPLE_RUNS_PER_MINUTE = 10;

export const SampleRunRequestSchema = z
  .object({
    requestId: z.string().min(1).max(MAX_REQUEST_ID),
    language: LanguageIdSchema,
    entry: WorkspacePathSchema,
    files: z.array(RunFileSchema).min(1).max(MAX_FILES),
  })
  .strict();
export type SampleRunRequest = z.output<typeof SampleRunRequestSchema>;

export type SampleRunAnswer = { requestId: string; result: JudgeResult } | { requestId: string; error: string };

const SampleRunAnswerSchema = z.object({ requestId: z.string().max(MAX_REQUEST_ID), result: z.unknown().optional(), error: z.string().max(2000).optional() });

/**
 * Who may ask for sample runs: the candidate, who is let in as an editor by the door's "Admit as
 * editor" (or granted 'candidate'), and the interviewer (the room's owner is one). Not a viewer,
 * which is also what a candidate is while the pad is locked (pad-lock.ts).
 */
export function maySampleRun(from: ChannelSender): boolean {
  return from.role === 'candidate' || from.role === 'editor' || from.role === 'interviewer' || from.role === 'owner';
}

/**
 * Interviewer: answers `interview/run-samples` with `runSamples` (the judge, samples only), which
 * learns who asked (for the recording). Returns the disposer.
 */
export function serveSampleRuns(
  channel: RoomChannel,
  runSamples: (request: SampleRunRequest, from: ChannelSender) => Promise<JudgeResult>,
  options: { onRefused?: (reason: string, from: ChannelSender) => void; onRun?: (from: ChannelSender, result: JudgeResult) => void; now?: () => number } = {},
): Disposer {
  const now = options.now ?? Date.now;
  const busy = new Set<string>();
  const recent = new Map<string, number[]>();
  return channel.on(RUN_SAMPLES_TOPIC, (payload, from) => {
    const refuse = (reason: string, requestId?: string) => {
      options.onRefused?.(reason, from);
      if (requestId) channel.send(SAMPLE_RESULT_TOPIC, { requestId, error: reason } satisfies SampleRunAnswer, from.key);
    };
    const parsed = SampleRunRequestSchema.safeParse(payload);
    const requestId = parsed.success ? parsed.data.requestId : undefined;
    if (!maySampleRun(from)) return refuse(`a ${from.role} may not run the samples`, requestId);
    if (!parsed.success) return refuse(`a malformed sample run request: ${parsed.error.issues[0]?.message ?? ''}`);
    if (busy.has(from.key)) return refuse('a sample run of yours is still going', requestId);
    const times = (recent.get(from.key) ?? []).filter((t) => now() - t < 60_000);
    if (times.length >= SAMPLE_RUNS_PER_MINUTE) return refuse(`at most ${SAMPLE_RUNS_PER_MINUTE} sample runs a minute`, requestId);
    recent.set(from.key, [...times, now()]);
    busy.add(from.key);
    runSamples(parsed.data, from)
      .then(
        (result) => {
          const safe = redactHiddenTests({ ...result, tests: result.tests.filter((t) => t.sample) });
          options.onRun?.(from, safe);
          channel.send(SAMPLE_RESULT_TOPIC, { requestId: parsed.data.requestId, result: safe } satisfies SampleRunAnswer, from.key);
        },
        (error: unknown) => refuse(`the sample run failed: ${error instanceof Error ? error.message : String(error)}`, parsed.data.requestId),
      )
      .finally(() => busy.delete(from.key));
  });
}

/** What a candidate's window asks with: see createSampleRunRequester. */
export type SampleRunRequester = (channel: RoomChannel, hostKey: string, request: Omit<SampleRunRequest, 'requestId'>, timeoutMs?: number) => Promise<JudgeResult>;

/**
 * Candidate: a way to ask the interviewer (`hostKey`) to run the samples, resolving with the
 * answer. Its requests are numbered, so two asked in the same millisecond are told apart.
 */
export function createSampleRunRequester(): SampleRunRequester {
  let nextRequest = 0;
  return (channel, hostKey, request, timeoutMs = 180_000) => {
    const requestId = `${channel.selfKey.slice(0, 8)}-${Date.now().toString(36)}-${nextRequest++}`;
    return new Promise<JudgeResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        dispose();
        reject(new Error('The interviewer did not answer the sample run in time.'));
      }, timeoutMs);
      const dispose = channel.on(SAMPLE_RESULT_TOPIC, (payload, from) => {
        if (from.key !== hostKey) return;
        const answer = SampleRunAnswerSchema.safeParse(payload);
        if (!answer.success || answer.data.requestId !== requestId) return;
        clearTimeout(timer);
        dispose();
        if (answer.data.error !== undefined) reject(new Error(answer.data.error));
        else resolve(answer.data.result as JudgeResult);
      });
      channel.send(RUN_SAMPLES_TOPIC, { ...request, requestId }, hostKey);
    });
  };
}
