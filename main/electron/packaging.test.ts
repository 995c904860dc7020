import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Ajv } from 'ajv';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Packaging (issue 11), tested where Electron cannot be downloaded: electron-builder.yml against
// electron-builder's own JSON schema, and the afterPack hook flipping the fuses of a file that
// carries Electron's real fuse wire layout, read back with @electron/fuses.

const root = path.resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

function validator() {
  // The schema is draft-07 with the whole Configuration at its root (additionalProperties: false,
  // so a misspelt key fails). Compiled with the options of app-builder-lib's own
  // out/util/config/schemaValidator.js, so this test rejects exactly what `electron-builder` would:
  // strict off, so its non-standard `typeof: "function"` branches (hooks given as functions in a
  // JS config, and linux.desktop.entry through a schema-generator quirk) accept any value there too.
  const ajv = new Ajv({ allErrors: true, coerceTypes: true, strict: false });
  return ajv.compile(schema);
}

interface AfterPackModule {
  afterPack(context: unknown): Promise<void>;
  electronBinaryPath(context: unknown): string;
}
interface FusesModule {
  fuseConfig(target: { platform: string; arch: number }): Record<string, unknown>;
}
// Plain .mjs files run by electron-builder itself; loaded by URL so the TS project need not type them.
const load = async <T>(file: string) => (await import(pathToFileURL(path.join(root, file)).href)) as T;

const temp = mkdtempSync(path.join(os.tmpdir(), 'cc-packaging-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s own schema', () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the same check rejects a misspelt or mistyped key (it can fail)', () => {
    const validate = validator();
    expect(validate({ ...config, afterPak: './build/after-pack.mjs' })).toBe(false);
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
    expect(validate({ ...config, linux: { ...(config.linux as object), desktopEntry: {} } })).toBe(false);
  });

  it('runs the fuse hook, registers codecrafter:// and publishes for electron-updater', () => {
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    expect(config.asar).toBe(true);
    expect(config.protocols).toEqual([{ name: 'CodeCrafter room link', schemes: ['codecrafter'] }]);
    expect(config.publish).toMatchObject({ provider: 'generic' });
  });
});

describe('fuses', () => {
  it('turns off running as Node, NODE_OPTIONS, --inspect and file:// privileges; turns on cookie encryption and asar checks', async () => {
    const { fuseConfig } = await load<FusesModule>('build/fuses.mjs');
    const linux = fuseConfig({ platform: 'linux', arch: 1 });
    expect(linux).toMatchObject({
      strictlyRequireAllFuses: true,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    // Every fuse this @electron/fuses knows is decided, none left to Electron's default.
    const numeric = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    for (const fuse of numeric) expect(typeof linux[fuse], FuseV1Options[fuse]).toBe('boolean');
    expect(fuseConfig({ platform: 'darwin', arch: 3 }).resetAdHocDarwinSignature).toBe(true);
  });

  it('the afterPack hook flips them in the packed binary', async () => {
    const { afterPack, electronBinaryPath } = await load<AfterPackModule>('build/after-pack.mjs');
    const context = {
      appOutDir: temp,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { executableName: 'codecrafter', appInfo: { productFilename: 'CodeCrafter' } },
    };
    expect(electronBinaryPath(context)).toBe(path.join(temp, 'codecrafter'));
    expect(electronBinaryPath({ ...context, electronPlatformName: 'win32' })).toBe(path.join(temp, 'CodeCrafter.exe'));
    expect(electronBinaryPath({ ...context, electronPlatformName: 'darwin' })).toBe(path.join(temp, 'CodeCrafter.app'));

    // Electron's layout: sentinel, wire version 1, wire length, one '0'/'1' byte per fuse, here
    // with Electron's own defaults (RunAsNode, NODE_OPTIONS, --inspect and file:// on).
    const defaults = '101100011';
    const binary = Buffer.concat([
      Buffer.alloc(4096, 0x90),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, defaults.length]),
      Buffer.from(defaults),
      Buffer.alloc(4096, 0x90),
    ]);
    writeFileSync(path.join(temp, 'codecrafter'), binary);
    const before = await getCurrentFuseWire(path.join(temp, 'codecrafter'));
    expect(before[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);

    await afterPack(context);
    const wire = await getCurrentFuseWire(path.join(temp, 'codecrafter'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(readFileSync(path.join(temp, 'codecrafter')).length).toBe(binary.length);
  });
});
