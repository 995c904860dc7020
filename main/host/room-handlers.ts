import type { Contract } from '../../common/contract';
import type { RoomHostingStatus } from '../../common/contract-room';
import { ErrorCode, HostError } from '../../common/errors';
import { peerOpPath } from '../../common/peer-file-ops';
import type { CallContext, ImplOf } from '../../common/rpc';
import { getLogger } from '../log/log-service';
import { startEmbeddedSignal, type EmbeddedSignal } from '../rooms/embedded-signal';
import { PeerWriteGate } from '../rooms/peer-write-gate';
import type { AreaHandlers, HostContext } from './host-context';

export { lanAddress } from '../rooms/embedded-signal';

const log = getLogger('rooms');

export interface RoomHandlers extends AreaHandlers<ImplOf<Contract>['room']> {
  isHosting(): boolean;
  /**
   * A page's connection to this host went away (browser host: its WebSocket closed; Electron: its
   * window closed). When it was the page that hosts the room, the room's signalling server stops:
   * a room never outlives its owner's page (issue 8 item 7).
   */
  connectionClosed(origin: string): Promise<void>;
}

/**
 * The room service's handlers (issue 4): the app embeds the signalling server when it hosts a
 * room. Document traffic never passes through it (peers talk over WebRTC); it only introduces them.
 */
export function createRoomHandlers(ctx: HostContext, hooks: { roomEnded?: () => Promise<void> } = {}): RoomHandlers {
  let signal: EmbeddedSignal | null = null;
  let starting: Promise<EmbeddedSignal> | null = null;
  /** The connection (CallContext.origin) of the page that hosts the room. */
  let ownerOrigin: string | null = null;
  /** The host write policy of the room being hosted (issue 8); a new one for every room. */
  let gate: PeerWriteGate | null = null;

  const requireGate = (): PeerWriteGate => {
    if (!gate) throw new HostError(ErrorCode.InvalidArgument, 'No room is hosted from this window: share the folder first.');
    return gate;
  };

  const status = (): RoomHostingStatus =>
    signal
      ? { hosting: true, signalUrl: signal.loopbackUrl, lanUrl: signal.lanUrl, signalToken: signal.token }
      : { hosting: false, signalUrl: null, lanUrl: null, signalToken: null };

  const stop = async () => {
    const wasHosting = signal !== null || starting !== null;
    const running = signal ?? (await starting?.catch(() => null)) ?? null;
    signal = null;
    starting = null;
    ownerOrigin = null;
    gate = null;
    await running?.server.close();
    // What lives as long as the room goes with it (its container, issue 10).
    if (wasHosting) await hooks.roomEnded?.();
  };

  const startHosting = async (arg: { lan?: boolean } | undefined, call: CallContext): Promise<RoomHostingStatus> => {
    if (signal) return status();
    if (!starting) {
      // Caps are read when the room opens: changing them in Settings applies to the next room.
      const { roomMaxFiles, roomMaxMegabytes } = ctx.settings.get();
      gate = new PeerWriteGate(ctx.workspace.root(), { maxFiles: roomMaxFiles, maxBytes: roomMaxMegabytes * 1024 * 1024 });
      ownerOrigin = call.origin;
      starting = startEmbeddedSignal(arg?.lan ?? false);
    }
    const pending = starting;
    const started = await pending;
    // The owner's page went away (or stopped hosting) while the server was starting: stop() closed it.
    if (starting !== pending) throw new HostError(ErrorCode.InvalidArgument, 'The room was stopped while it was starting.');
    signal = started;
    log.info({ port: started.server.port, lan: started.lanUrl !== null, owner: call.origin }, 'hosting a room');
    return status();
  };

  return {
    impl: {
      startHosting,
      stopHosting: () => stop(),
      status: () => status(),
      markShared: ({ paths }) => requireGate().markShared(paths),
      async applyPeerChanges({ ops }) {
        const result = await requireGate().apply(ops);
        // The host's record of what a member tried: the page shows it, this is for the log file.
        for (const { op, reason } of result.refused.slice(0, 20)) log.warn({ kind: op.kind, path: peerOpPath(op), reason }, "refused a member's change");
        if (result.refused.length > 20) log.warn({ more: result.refused.length - 20 }, "refused more operations of that member's change");
        return result;
      },
    },
    dispose: () => stop(),
    /** While a room is hosted, runs stay sandboxed (issue 4: never unsandboxed in a shared room). */
    isHosting: () => signal !== null || starting !== null,
    async connectionClosed(origin) {
      if (ownerOrigin === null || origin !== ownerOrigin) return;
      log.info({ owner: origin }, "the room's owner went away: stopping its signalling server");
      await stop();
    },
  };
}
