import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LANGUAGE_IDS, type LanguageId } from '../../common/languages';
import { defaultDataDir } from '../host/data-dir';
import { closeLogFile, getLogger, openLogFile } from '../log/log-service';
import { packageRoot } from '../host/package-root';
import { createHostServices } from '../host/services';
import { isLoopbackHost, startWebHost } from '../host/web-server';

const USAGE = `usage: codecrafter web [--port N] [--host ADDR] [--data-dir DIR]

Serves the IDE to a browser at http://127.0.0.1:PORT/?token=… (the token is new each start).
  --port N        port to listen on (default 7420; 0 picks a free one)
  --host ADDR     address to bind (default 127.0.0.1). Anything else exposes a shell to the network.
  --data-dir DIR  where settings and history live (default ${defaultDataDir()})
`;

/**
 * CODECRAFTER_SANDBOX_WARM=python,cpp (or all, or none) warms these languages at start, e.g. for
 * tests; unset, each language is warmed at its first run or when a workspace in it opens.
 */
function warmFromEnv(): 'all' | LanguageId[] | undefined {
  const value = process.env.CODECRAFTER_SANDBOX_WARM;
  if (!value) return undefined;
  if (value === 'all') return 'all';
  if (value === 'none') return [];
  return value.split(',').filter((l): l is LanguageId => (LANGUAGE_IDS as readonly string[]).includes(l));
}

export default async function web(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '7420' },
        host: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string' },
        'static-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`codecrafter web: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`codecrafter web: --port must be a whole number from 0 to 65535, not "${values.port}"\n`);
    return 2;
  }
  if (!isLoopbackHost(values.host)) {
    process.stderr.write(
      `\n  WARNING: binding to ${values.host}, not a loopback address.\n` +
        '  Anyone who can reach this address and learns the token gets a shell on this machine.\n' +
        '  Prefer 127.0.0.1 with an SSH tunnel.\n\n',
    );
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const staticDir = path.resolve(values['static-dir'] ?? path.join(packageRoot(), 'dist', 'renderer'));
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    process.stderr.write(`codecrafter web: the renderer is not built (${staticDir} has no index.html). Run \`npm run build\`, or use \`npm run web\`.\n`);
    return 1;
  }
  // The browser host is the app: its records go to the same file the Electron app writes.
  // A log that cannot be opened (read-only disk, full quota) must not stop the IDE: stderr still gets warnings.
  const log = getLogger('web');
  let logFolder = 'stderr only';
  try {
    logFolder = await openLogFile(dataDir);
  } catch (error) {
    log.warn({ err: error, dataDir }, 'cannot open the log file; logging to stderr only');
  }
  log.info({ dataDir, host: values.host, port }, 'starting the browser host');
  const services = createHostServices({ dataDir, host: 'web', sandboxWarm: warmFromEnv() });
  let host;
  try {
    host = await startWebHost({ services, staticDir, host: values.host, port });
  } catch (error) {
    log.error({ err: error, host: values.host, port }, 'the browser host cannot listen');
    await services.dispose();
    closeLogFile();
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${port} is in use; pass --port with another one` : (error as Error).message;
    process.stderr.write(`codecrafter web: cannot listen: ${reason}\n`);
    return 1;
  }
  process.stdout.write(`CodeCrafter is running at ${host.url}\n(data in ${dataDir}; logs in ${logFolder}; Ctrl+C stops it)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  log.info('stopping the browser host');
  await host.close();
  await services.dispose();
  closeLogFile();
  return 0;
}
