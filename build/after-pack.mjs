// electron-builder's afterPack hook (electron-builder.yml): flips the Electron fuses of the packed
// app (build/fuses.mjs) before it is signed and wrapped in an installer.
import { flipFuses } from '@electron/fuses';
import path from 'node:path';
import { fuseConfig } from './fuses.mjs';

/** The file that holds the fuse wire: the .app bundle on macOS, the executable elsewhere. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfig({ platform: context.electronPlatformName, arch: context.arch }));
  console.log(`  • fuses flipped in ${binary}`);
}

export default afterPack;
