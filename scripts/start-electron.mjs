// `npm start`: launches the desktop app from the fresh build. Electron's binary is not fetched at
// `npm install` (its download host is outside the npm registry, so the install script is not
// allowed to run); it is fetched here, on first start, where that host can be reached.
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

if (!binary()) {
  console.log('Electron is not downloaded yet; fetching it once…');
  spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'inherit' });
}
const electron = binary();
if (!electron) {
  console.error(
    'CodeCrafter: the Electron binary could not be downloaded on this machine, so the desktop app cannot start here.\n' +
      'Run the same IDE in your browser instead: npm run web',
  );
  process.exit(1);
}
const child = spawn(electron, [path.resolve('dist/electron/main.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
