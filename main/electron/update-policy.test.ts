import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../common/contract';
import { DEFAULT_SETTINGS } from '../../common/types';
import { shouldCheckForUpdates, UPDATER_OPTIONS } from './update-policy';

describe('update checks', () => {
  it('are off by default and never download on their own', () => {
    expect(DEFAULT_SETTINGS.checkForUpdates).toBe(false);
    expect(UPDATER_OPTIONS.autoDownload).toBe(false);
    expect(UPDATER_OPTIONS.autoInstallOnAppQuit).toBe(false);
  });

  it('run only in the packaged desktop app, once the user turned them on', () => {
    expect(shouldCheckForUpdates({ host: 'electron', packaged: true, enabled: true })).toBe(true);
    expect(shouldCheckForUpdates({ host: 'electron', packaged: true, enabled: false })).toBe(false);
    expect(shouldCheckForUpdates({ host: 'electron', packaged: false, enabled: true })).toBe(false);
    expect(shouldCheckForUpdates({ host: 'web', packaged: true, enabled: true })).toBe(false);
  });

  it('the setting is one the user can change through the contract', () => {
    const schema = contract.settings.update.input;
    expect(schema.safeParse({ checkForUpdates: true }).success).toBe(true);
    expect(schema.safeParse({ checkForUpdates: 'yes' }).success).toBe(false);
  });

  it('nothing the browser host runs imports electron-updater', () => {
    const main = path.resolve(import.meta.dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (file !== path.join(main, 'electron')) walk(file);
        } else if (entry.name.endsWith('.ts') && /from ['"]electron-updater['"]|import\(['"]electron-updater['"]\)/.test(readFileSync(file, 'utf8'))) {
          offenders.push(path.relative(main, file));
        }
      }
    };
    walk(main);
    expect(offenders).toEqual([]);
  });
});
