import type { Disposer } from '../../common/rpc';
import { documents } from '../editor/documents';
import { api } from '../host';
import { workbench } from '../state/store';
import { setGuestRunner, showRoomRun } from '../run/run-actions';
import { notify } from '../workbench/actions';
import { GuestRunClient } from './guest-runs-guest';
import { startGuestRunHost } from './guest-runs-host';
import type { GuestRunBroadcast } from './guest-runs-protocol';
import type { RoomChannel } from './room-channel';
import { LANGUAGES } from '../../common/languages';

// Guest runs in this window (issue 8 item 6), over the room's RoomChannel: the host serves
// members' requests; every member (the host too) shows the runs in the Run panel; a guest's
// Ctrl+Enter / Run goes to the host (renderer/run/run-actions.ts asks the runner set here).

function show(message: GuestRunBroadcast, where: (m: Extract<GuestRunBroadcast, { kind: 'started' }>) => string, mine: boolean): void {
  if (message.kind === 'started') {
    showRoomRun({ kind: 'started', runId: message.runId, entry: message.entry, language: message.language, where: where(message), mine });
    return;
  }
  switch (message.kind) {
    case 'queued':
      return showRoomRun({ kind: 'event', event: { runId: message.runId, type: 'queued', position: message.position } });
    case 'phase':
      return showRoomRun({ kind: 'event', event: { runId: message.runId, type: 'phase', phase: message.phase } });
    case 'output':
      return showRoomRun({ kind: 'event', event: { runId: message.runId, type: 'output', phase: message.phase, stream: message.stream, data: message.data } });
    case 'done':
      return showRoomRun({ kind: 'event', event: { runId: message.runId, type: 'done', result: message.result } });
  }
}

/** What the host's side asks the room's other controllers. */
export interface GuestRunsHostDeps {
  /** The name runs on this machine go under (this user's room identity). */
  hostName: () => string;
  /** A big folder's files of a language that nobody opened yet join the doc (guest-files.ts). */
  loadListedForRun: (extensions: readonly string[]) => Promise<void>;
}

/** Starts guest runs for a room this window is in; `role` is this window's part in it. */
export function startGuestRuns(channel: RoomChannel, role: 'owner' | 'guest', host: GuestRunsHostDeps): Disposer {
  const disposers: Disposer[] = [];
  if (role === 'owner') {
    disposers.push(
      startGuestRunHost(channel, {
        hostName: host.hostName,
        allowed: () => workbench.get().settings.guestRunsAllowed,
        roomFiles: function* () {
          for (const path of documents.files.keys()) yield [path, documents.text(path)?.toString() ?? ''] as [string, string];
        },
        loadForRun: (language) => host.loadListedForRun(LANGUAGES[language].extensions),
        runForGuest: (request) => api.guestRuns.runForGuest(request),
        cancelForGuest: (memberKey, runId) => api.guestRuns.cancelForGuest({ memberKey, runId }),
        onRunEvent: (listener) => api.guestRuns.onDidGuestRunEvent(listener),
        show: (message) => show(message, (m) => `run for ${m.by.name || 'a guest'} on this machine`, false),
      }),
    );
    return () => disposers.forEach((d) => d());
  }
  const client = new GuestRunClient(channel, {
    onBroadcast: (message, mine) => show(message, (m) => `run on ${m.hostName || "the host"}'s machine${mine ? '' : ` for ${m.by.name || 'a guest'}`}`, mine),
    onRefused: (message) => {
      showRoomRun({ kind: 'refused' });
      notify(`The host did not run it: ${message}`, 'info');
    },
  });
  disposers.push(
    () => client.dispose(),
    setGuestRunner({ request: (ask) => client.request(ask), cancel: (runId) => client.cancel(runId) }),
  );
  return () => disposers.forEach((d) => d());
}
