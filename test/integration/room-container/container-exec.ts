import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';

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
