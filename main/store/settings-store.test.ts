import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/types';
import { openAppDatabase } from './database';
import { SettingsStore } from './settings-store';

// The editor settings of issue 11 in the real SQLite file: kept across reopening, and a stored
// value outside the schema (another version, a hand edit) never reaches the editor.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('keeps the editor settings across reopening the database', () => {
  const first = openAppDatabase(dir).db;
  expect(new SettingsStore(first).get()).toEqual(DEFAULT_SETTINGS);
  new SettingsStore(first).update({ tabSize: 3, insertSpaces: false, wordWrap: 'on', autoSave: 'onFocusChange', autoSaveDelayMs: 300 });
  first.close();
  const second = openAppDatabase(dir).db;
  expect(new SettingsStore(second).get()).toMatchObject({ tabSize: 3, insertSpaces: false, wordWrap: 'on', autoSave: 'onFocusChange', autoSaveDelayMs: 300 });
  second.close();
});

it('keeps the default for a stored value the schema refuses', () => {
  const { db } = openAppDatabase(dir);
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  put.run('tabSize', '99');
  put.run('autoSave', '"sometimes"');
  put.run('wordWrap', 'not json');
  put.run('toString', '"x"');
  expect(new SettingsStore(db).get()).toEqual(DEFAULT_SETTINGS);
  db.close();
});
