import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Docker from 'dockerode';
import type { HostOptions } from '../../../main/host/services';
import { RoomContainerService } from '../../../main/room-container/room-container-service';
import { startRealHost, type RealHost } from '../renderer/real-host';

/** `sh -c script` in a container as its own user; stdout and stderr together, once it ends. */
export async function shIn(docker: Docker, id: string, script: string): Promise<string> {
  const run = await docker.getContainer(id).exec({ Cmd: ['sh', '-c', script], AttachStdout: true, AttachStderr: true });
  const stream = await run.start({ hijack: true, stdin: false });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  docker.modem.demuxStream(stream, out, out);
  await new Promise((resolve) => (stream.on('end', resolve), stream.on('close', resolve)));
  return Buffer.concat(chunks).toString();
}

/**
 * The real host services with `main.py` (printing `mainText`) in an open folder and that folder's
 * room container made with `create`; the container's id; `remove()` ends both.
 */
export async function hostWithFolderContainer(
  create: Parameters<RealHost['api']['roomContainer']['create']>[0],
  options: { mainText: string; host?: Partial<HostOptions>; beforeCreate?: (host: RealHost) => void },
): Promise<{ host: RealHost; container: string; remove(): Promise<void> }> {
  const host = startRealHost(undefined, options.host);
  writeFileSync(path.join(host.project, 'main.py'), `print("${options.mainText}")\n`);
  await host.api.workspace.open({ path: host.project });
  options.beforeCreate?.(host);
  await host.api.roomContainer.create(create);
  const found = await new RoomContainerService(new Docker(), path.join(host.dir, 'archives')).find(`folder:${host.project}`);
  if (!found) throw new Error('the room container was not made');
  return {
    host,
    container: found.Id,
    async remove() {
      await host.api.roomContainer.remove({}).catch(() => {});
      await host.dispose();
    },
  };
}
