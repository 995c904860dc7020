// Electron fuses for release builds (issue 11): switches compiled into the Electron binary that
// no command line or environment variable can turn back. Flipped by build/after-pack.mjs before
// the app is signed and put in an installer. Names as in @electron/fuses (FuseV1Options).
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** builder-util's Arch.arm64: Apple Silicon builds need their ad-hoc signature redone after a flip. */
const ARCH_ARM64 = 3;

/**
 * @param {{ platform: string, arch: number }} target electron-builder's platform name and Arch
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function fuseConfig({ platform, arch }) {
  return {
    version: FuseVersion.V1,
    // Fail the build when an Electron upgrade adds a fuse nobody decided on.
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: platform === 'darwin' && arch === ARCH_ARM64,
    // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node for any local program.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and local storage encrypted with the OS keychain key.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS could preload code into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect would attach a debugger to the process that owns the shell and Docker.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // app.asar must match the hash recorded at packaging (macOS and Windows check it).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Load the app only from app.asar, never from a loose app/ folder planted beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Electron's default: one V8 snapshot for every process.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // file:// gets no privileges beyond a web page's; the renderer is served from our own scheme.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // Electron's default: WebAssembly bounds checks by trap handlers.
    [FuseV1Options.WasmTrapHandlers]: true,
  };
}
