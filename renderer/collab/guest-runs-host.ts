import type { GuestRunEvent, GuestRunRequest } from '../../common/contract-guest-runs';
import type { Disposer } from '../../common/rpc';
import type { RoomChannel, ChannelSender } from './room-channel';
import { roomRunFiles } from './guest-run-files';
import {
  GuestRunCancelSchema,
  GuestRunRequestMessageSchema,
  GuestRunTopic,
  MAX_CHUNK_CHARS,
  RUNNER_ROLES,
  type GuestRunBroadcast,
  type GuestRunRequestMessage,
} from './guest-runs-protocol';

// The host's page in a room (issue 8 item 6): takes members' run requests off the RoomChannel,
// checks the role the membership log gives the sender, builds the run from the room's text, and
// asks main (which enforces the switch, the rate per member and the sandbox). Every event of the
// run goes to every member, and to the host's own Run panel.

export interface GuestRunHostDeps {
  /** The host's display name, for "run on <host>'s machine". */
  hostName(): string;
  /** The host's switch "Guests may run code" (checked here for a quick answer; main checks it too). */
  allowed(): boolean;
  /** The room's files and their text, from the host's Y.Doc. */
  roomFiles(): Iterable<[string, string]>;
  /**
   * Puts the room's files of a language that nobody opened yet into the doc before a run takes
   * them (a big folder's files join the room when opened: renderer/collab/guest-files.ts).
   */
  loadForRun?(language: GuestRunRequest['run']['language']): Promise<void>;
  runForGuest(request: GuestRunRequest): Promise<{ runId: string }>;
  cancelForGuest(memberKey: string, runId: string): Promise<unknown>;
  onRunEvent(listener: (event: GuestRunEvent) => void): Disposer;
  /** The host sees guest runs too. */
  show(broadcast: GuestRunBroadcast): void;
}

/** Runs whose events come from main before runForGuest has answered with the id: kept until it has. */
const MAX_EARLY_RUNS = 16;

export function refusalFor(from: ChannelSender): string | null {
  if (RUNNER_ROLES.has(from.role)) return null;
  if (from.role === 'knocking') return 'You are not admitted to this room yet: the host has to let you in before you can run code.';
  return `As a ${from.role} you cannot run code in this room: ask the host for editor rights.`;
}

export function startGuestRunHost(channel: RoomChannel, deps: GuestRunHostDeps): Disposer {
  const runs = new Map<string, { by: string }>();
  const early = new Map<string, GuestRunEvent[]>();

  const broadcast = (message: GuestRunBroadcast) => {
    channel.send(GuestRunTopic.run, message);
    deps.show(message);
  };

  const forward = (event: GuestRunEvent) => {
    switch (event.type) {
      case 'queued':
        return broadcast({ kind: 'queued', runId: event.runId, position: event.position });
      case 'phase':
        return broadcast({ kind: 'phase', runId: event.runId, phase: event.phase });
      case 'output':
        for (let at = 0; at < event.data.length; at += MAX_CHUNK_CHARS) {
          broadcast({ kind: 'output', runId: event.runId, phase: event.phase, stream: event.stream, data: event.data.slice(at, at + MAX_CHUNK_CHARS) });
        }
        return;
      case 'done': {
        const { verdict, exitCode, signal, wallMs, cpuMs, peakMemoryKb, sandboxed, message } = event.result;
        runs.delete(event.runId);
        return broadcast({ kind: 'done', runId: event.runId, result: { verdict, exitCode, signal, wallMs, cpuMs, peakMemoryKb, sandboxed, ...(message ? { message } : {}) } });
      }
    }
  };

  const refuse = (to: string, requestId: string, message: string) => channel.send(GuestRunTopic.refused, { requestId, message }, to);

  const offRequest = channel.on(GuestRunTopic.request, (payload, from) => {
    const parsed = GuestRunRequestMessageSchema.safeParse(payload);
    if (!parsed.success) {
      const requestId = (payload as { requestId?: unknown } | null)?.requestId;
      console.warn('guest run: a malformed request from', from.fingerprint, parsed.error.issues[0]?.message);
      if (typeof requestId === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(requestId)) refuse(from.key, requestId, `The host could not read the request: ${parsed.error.issues[0]?.message ?? 'bad shape'}.`);
      return;
    }
    const request = parsed.data;
    const refusal = refusalFor(from) ?? (deps.allowed() ? null : 'The host has switched guest runs off.');
    if (refusal) return refuse(from.key, request.requestId, refusal);
    void (deps.loadForRun?.(request.language) ?? Promise.resolve())
      .catch((error: unknown) => console.warn(`guest run: could not load the room's ${request.language} files`, error))
      .then(() => start(request, from));
  });

  const start = (request: GuestRunRequestMessage, from: ChannelSender) => {
    const files = roomRunFiles(deps.roomFiles(), request.language, request.entry);
    if (!files.ok) return refuse(from.key, request.requestId, files.problem);
    deps
      .runForGuest({
        memberKey: from.key,
        memberName: from.name,
        run: { language: request.language, entry: request.entry, files: files.files, stdin: request.stdin, ...(request.limits ? { limits: request.limits } : {}) },
      })
      .then(
        ({ runId }) => {
          runs.set(runId, { by: from.key });
          broadcast({ kind: 'started', requestId: request.requestId, runId, entry: request.entry, language: request.language, by: { key: from.key, name: from.name.slice(0, 80) }, hostName: deps.hostName().slice(0, 80) });
          const waiting = early.get(runId) ?? [];
          early.delete(runId);
          for (const event of waiting) forward(event);
        },
        (error: unknown) => refuse(from.key, request.requestId, error instanceof Error ? error.message : String(error)),
      );
  };

  const offCancel = channel.on(GuestRunTopic.cancel, (payload, from) => {
    const parsed = GuestRunCancelSchema.safeParse(payload);
    if (!parsed.success || runs.get(parsed.data.runId)?.by !== from.key) return;
    deps.cancelForGuest(from.key, parsed.data.runId).catch((error: unknown) => console.warn('guest run: could not cancel', parsed.data.runId, error));
  });

  const offEvents = deps.onRunEvent((event) => {
    if (runs.has(event.runId)) return forward(event);
    // Main may emit a run's first events before runForGuest answers: keep them for a moment.
    const list = early.get(event.runId) ?? [];
    list.push(event);
    early.set(event.runId, list);
    if (early.size > MAX_EARLY_RUNS) early.delete(early.keys().next().value!);
  });

  return () => {
    offRequest();
    offCancel();
    offEvents();
  };
}
