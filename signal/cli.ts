// The standalone signalling server's command line, run as `codecrafter signal` (main/cli/signal.ts)
// or as signal/bin.ts in the Docker image (DESIGN.md section 4). Flags win over
// the environment (SIGNAL_HOST, SIGNAL_PORT / PORT, SIGNAL_TOKEN, SIGNAL_ROOM_TOKEN, REDIS_URL), so the same image
// runs with either. Stops cleanly on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startSignalServer } from './index';

const HELP = `usage: codecrafter signal [--host 127.0.0.1] [--port 4444] [--token T] [--room-token R] [--redis redis://host:6379]
                         [--max-connections-per-address N] [--heartbeat-ms N]

  --host        address to bind (default 127.0.0.1; anything else is public: use a token)
  --port        TCP port (default 4444, 0 picks one)
  --token       shared secret checked when a socket opens (HTTP 401 without it);
                clients connect to ws://host:port/?token=T
  --room-token  room token (at least 22 characters) checked on every subscribe and publish;
                a socket without it is closed with code 4403 and a reason. Invites carry it
                as t=R (codecrafter://join/<room>?s=<this server>&t=R#<secret>)
  --redis       share topics with other instances through this Redis (or REDIS_URL)
env: SIGNAL_HOST, SIGNAL_PORT or PORT, SIGNAL_TOKEN, SIGNAL_ROOM_TOKEN, REDIS_URL
`;

const intArg = z.coerce.number().int();

export default async function signal(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        token: { type: 'string' },
        'room-token': { type: 'string' },
        redis: { type: 'string' },
        'max-connections-per-address': { type: 'string' },
        'heartbeat-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`codecrafter signal: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const env = process.env;
  const port = values.port ?? env.SIGNAL_PORT ?? env.PORT;
  const perAddress = values['max-connections-per-address'];
  const heartbeat = values['heartbeat-ms'];
  let server;
  try {
    server = await startSignalServer({
      host: values.host ?? env.SIGNAL_HOST ?? '127.0.0.1',
      port: port === undefined ? 4444 : intArg.parse(port),
      token: values.token ?? (env.SIGNAL_TOKEN || undefined),
      roomToken: values['room-token'] ?? (env.SIGNAL_ROOM_TOKEN || undefined),
      redisUrl: values.redis ?? (env.REDIS_URL || undefined),
      processMetrics: true,
      limits: {
        ...(perAddress ? { maxConnectionsPerAddress: intArg.parse(perAddress) } : {}),
        ...(heartbeat ? { heartbeatMs: intArg.parse(heartbeat) } : {}),
      },
    });
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    process.stderr.write(`codecrafter signal: ${message}\n`);
    return 2;
  }
  const httpUrl = server.url.replace(/^ws:/, 'http:');
  process.stdout.write(
    `codecrafter signal: listening on ${server.url}${server.instanceId ? ` (redis, instance ${server.instanceId})` : ''}\n` +
      `  health ${httpUrl}/health  metrics ${httpUrl}/metrics\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
