import os from 'node:os';
import type { Contract } from '../../common/contract';
import type { RoomHostingStatus } from '../../common/contract-room';
import { ErrorCode, HostError } from '../../common/errors';
import { peerOpPath } from '../../common/peer-file-ops';
import type { ImplOf } from '../../common/rpc';
import { startSignalServer, type SignalServer } from '../../signal';
import { getLogger } from '../log/log-service';
import { PeerWriteGate } from '../rooms/peer-write-gate';
import type { AreaHandlers, HostContext } from './host-context';

const log = getLogger('rooms');

/** The first IPv4 address other machines on the LAN can reach this one at, if any. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

/**
 * The room service's handlers (issue 4): the app embeds the signalling server when it hosts a
 * room. Document traffic never passes through it (peers talk over WebRTC); it only introduces them.
 */
export function createRoomHandlers(ctx: HostContext): AreaHandlers<ImplOf<Contract>['room']> & { isHosting(): boolean } {
  let server: SignalServer | null = null;
  let starting: Promise<SignalServer> | null = null;
  let lanUrl: string | null = null;
  /** The host write policy of the room being hosted (issue 8); a new one for every room. */
  let gate: PeerWriteGate | null = null;

  const requireGate = (): PeerWriteGate => {
    if (!gate) throw new HostError(ErrorCode.InvalidArgument, 'No room is hosted from this window: share the folder first.');
    return gate;
  };

  const status = (): RoomHostingStatus => ({ hosting: server !== null, signalUrl: server?.url ?? null, lanUrl });

  const stop = async () => {
    const running = server ?? (await starting?.catch(() => null)) ?? null;
    server = null;
    starting = null;
    lanUrl = null;
    gate = null;
    await running?.close();
  };

  return {
    impl: {
      async startHosting(arg) {
        if (server) return status();
        // Caps are read when the room opens: changing them in Settings applies to the next room.
        const { roomMaxFiles, roomMaxMegabytes } = ctx.settings.get();
        gate = new PeerWriteGate(ctx.workspace.root(), { maxFiles: roomMaxFiles, maxBytes: roomMaxMegabytes * 1024 * 1024 });
        const lan = arg?.lan ?? false;
        const lanIp = lan ? lanAddress() : null;
        starting ??= startSignalServer({ host: lanIp ? '0.0.0.0' : '127.0.0.1', port: 0, logger: getLogger('signal') });
        const started = await starting;
        server = started;
        const port = new URL(started.url).port;
        lanUrl = lanIp ? `ws://${lanIp}:${port}` : null;
        // Bound to every interface the server names itself by 0.0.0.0: this machine dials loopback.
        return { hosting: true, signalUrl: `ws://127.0.0.1:${port}`, lanUrl };
      },
      stopHosting: () => stop(),
      status: () => (server ? { ...status(), signalUrl: `ws://127.0.0.1:${new URL(server.url).port}` } : status()),
      markShared: ({ paths }) => requireGate().markShared(paths),
      async applyPeerChanges({ ops }) {
        const result = await requireGate().apply(ops);
        // The host's record of what a member tried: the page shows it, this is for the log file.
        for (const { op, reason } of result.refused.slice(0, 20)) log.warn({ kind: op.kind, path: peerOpPath(op), reason }, "refused a member's change");
        if (result.refused.length > 20) console.warn(`room: refused ${result.refused.length - 20} more operations of that change`);
        return result;
      },
    },
    dispose: () => stop(),
    /** While a room is hosted, runs stay sandboxed (issue 4: never unsandboxed in a shared room). */
    isHosting: () => server !== null || starting !== null,
  };
}
