// `npm start`: launches the desktop app from the fresh build. Electron's binary is not fetched at
// `npm install` (its download host is outside the npm registry, so the install script is not
// allowed to run); it is fetched here, on first start, where that host can be reached. Where it
// cannot, the same IDE starts as the browser host instead and prints its URL (issue 11): a new
// user's `npm start` always ends in something they can open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve('node_modules/electron');
const binary = () => {
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const file = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(file) ? file : undefined;
};

/** The browser host's own flags, passed on from `npm start -- --port 7421`; Electron's are not. */
function webArgs(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (!['--port', '--host', '--data-dir'].includes(flag)) continue;
    const value = inline ?? argv[++i];
    if (value !== undefined) out.push(flag, value);
  }
  return out;
}

/** Runs `child` in the foreground: Ctrl+C and SIGTERM reach it, and its exit code becomes ours. */
function foreground(child) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (!binary()) {
  console.log('Electron is not downloaded yet; fetching it once…');
  const fetched = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (fetched.status !== 0) {
    const reason = (fetched.stderr || '').split('\n').find((line) => /error/i.test(line))?.trim() ?? `exit ${fetched.status}`;
    console.log(`Electron could not be downloaded (${reason}).`);
  }
}
const electron = binary();
if (electron) {
  foreground(spawn(electron, [path.resolve('dist/electron/main.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' }));
} else {
  console.log(
    '\nThe desktop app cannot start on this machine, so CodeCrafter starts in your browser instead (the browser host,\n' +
      'the same as `npm run web`). Open the URL below; Ctrl+C stops it.\n',
  );
  const cli = path.resolve('dist/cli.mjs');
  if (!existsSync(cli)) {
    console.error('CodeCrafter is not built: run `npm run build` first (`npm start` does it for you).');
    process.exit(1);
  }
  foreground(spawn(process.execPath, [cli, 'web', ...webArgs(process.argv.slice(2))], { stdio: 'inherit' }));
}
