import os from 'node:os';
import type { Contract } from '../../common/contract';
import type { RoomHostingStatus } from '../../common/contract-room';
import type { ImplOf } from '../../common/rpc';
import { startSignalServer, type SignalServer } from '../../signal';
import type { AreaHandlers, HostContext } from './host-context';

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
export function createRoomHandlers(_ctx: HostContext): AreaHandlers<ImplOf<Contract>['room']> & { isHosting(): boolean } {
  let server: SignalServer | null = null;
  let starting: Promise<SignalServer> | null = null;
  let lanUrl: string | null = null;

  const status = (): RoomHostingStatus => ({ hosting: server !== null, signalUrl: server?.url ?? null, lanUrl });

  const stop = async () => {
    const running = server ?? (await starting?.catch(() => null)) ?? null;
    server = null;
    starting = null;
    lanUrl = null;
    await running?.close();
  };

  return {
    impl: {
      async startHosting(arg) {
        if (server) return status();
        const lan = arg?.lan ?? false;
        const lanIp = lan ? lanAddress() : null;
        starting ??= startSignalServer({ host: lanIp ? '0.0.0.0' : '127.0.0.1', port: 0 });
        const started = await starting;
        server = started;
        const port = new URL(started.url).port;
        lanUrl = lanIp ? `ws://${lanIp}:${port}` : null;
        // Bound to every interface the server names itself by 0.0.0.0: this machine dials loopback.
        return { hosting: true, signalUrl: `ws://127.0.0.1:${port}`, lanUrl };
      },
      stopHosting: () => stop(),
      status: () => (server ? { ...status(), signalUrl: `ws://127.0.0.1:${new URL(server.url).port}` } : status()),
    },
    dispose: () => stop(),
    /** While a room is hosted, runs stay sandboxed (issue 4: never unsandboxed in a shared room). */
    isHosting: () => server !== null || starting !== null,
  };
}
