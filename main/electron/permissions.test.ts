import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../common/bridge';
import { ALLOWED_PERMISSIONS, isPermissionAllowed } from './permissions';

// The permission decisions of the desktop shell: deny by default, a short allow-list for our own
// page only. (Electron's every permission type, from electron.d.ts of Electron 45.)
const ALL_PERMISSIONS = [
  'ar', 'automatic-fullscreen', 'background-fetch', 'background-sync', 'captured-surface-control', 'clipboard-read',
  'clipboard-sanitized-write', 'deprecated-sync-clipboard-read', 'display-capture', 'fileSystem', 'fullscreen',
  'geolocation', 'geolocation-approximate', 'hand-tracking', 'hid', 'idle-detection', 'keyboardLock', 'local-fonts',
  'local-network', 'local-network-access', 'loopback-network', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'nfc',
  'notifications', 'openExternal', 'payment-handler', 'periodic-background-sync', 'persistent-storage', 'pointerLock',
  'screen-wake-lock', 'sensors', 'serial', 'smart-card', 'speaker-selection', 'storage-access', 'system-wake-lock',
  'top-level-storage-access', 'usb', 'vr', 'web-app-installation', 'web-printing', 'window-management', 'unknown',
];

const page = `${APP_ORIGIN}/index.html`;

describe('Electron permission decisions', () => {
  it('grants our own page only the allow-listed permissions, and refuses every other', () => {
    const granted = ALL_PERMISSIONS.filter((permission) => isPermissionAllowed({ permission, requestingUrl: page, isMainFrame: true }));
    expect(granted.sort()).toEqual(Object.keys(ALLOWED_PERMISSIONS).sort());
    expect(granted).toEqual(expect.not.arrayContaining(['media', 'display-capture', 'clipboard-read', 'openExternal', 'notifications', 'geolocation']));
  });

  it('every allowed permission says why the app needs it', () => {
    for (const [permission, why] of Object.entries(ALLOWED_PERMISSIONS)) expect(why.length, permission).toBeGreaterThan(10);
  });

  it('refuses even an allowed permission to another origin, a sub-frame or an unknown requester', () => {
    const permission = 'clipboard-sanitized-write';
    expect(isPermissionAllowed({ permission, requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isPermissionAllowed({ permission, requestingUrl: `${APP_ORIGIN}.evil.example/`, isMainFrame: true })).toBe(false);
    expect(isPermissionAllowed({ permission, requestingUrl: 'file:///index.html', isMainFrame: true })).toBe(false);
    expect(isPermissionAllowed({ permission, requestingUrl: page, isMainFrame: false })).toBe(false);
    expect(isPermissionAllowed({ permission, requestingUrl: page, isMainFrame: true, embeddingOrigin: 'https://evil.example' })).toBe(false);
    expect(isPermissionAllowed({ permission, requestingUrl: undefined, isMainFrame: true })).toBe(false);
    // A check names an origin rather than a URL.
    expect(isPermissionAllowed({ permission, requestingUrl: APP_ORIGIN, isMainFrame: true })).toBe(true);
  });

  it('is not fooled by names on the object prototype', () => {
    for (const permission of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(isPermissionAllowed({ permission, requestingUrl: page, isMainFrame: true }), permission).toBe(false);
    }
  });
});
