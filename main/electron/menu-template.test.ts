import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu-template';

const send = () => () => {};

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it('a packaged build has no DevTools entry', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const packaged = roles(menuTemplate({ platform, packaged: true, send }));
      expect(packaged.map((r) => r.toLowerCase()), platform).not.toContain('toggledevtools');
      expect(packaged).toContain('editMenu');
    }
  });

  it('a development run keeps it', () => {
    expect(roles(menuTemplate({ platform: 'linux', packaged: false, send }))).toContain('toggleDevTools');
  });
});
