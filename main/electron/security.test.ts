import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../common/bridge';
import { isAppUrl, isSafeExternalUrl, isTrustedSenderFrame, secureWindowOptions } from './security';

describe('Electron security decisions', () => {
  it('every window is sandboxed, isolated and without Node', () => {
    const prefs = secureWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('a packaged build has no DevTools; a development run keeps them', () => {
    expect(secureWindowOptions('/app/preload.cjs', { packaged: true }).webPreferences!.devTools).toBe(false);
    expect(secureWindowOptions('/app/preload.cjs').webPreferences!.devTools).toBe(false);
    expect(secureWindowOptions('/app/preload.cjs', { packaged: false }).webPreferences!.devTools).toBe(true);
  });

  it('hands only plain http(s) links to the system', () => {
    expect(isSafeExternalUrl('https://example.com/docs')).toBe(true);
    expect(isSafeExternalUrl('http://localhost:3000')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com', 'not a url', '']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('keeps navigation on our own origin', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl(`${APP_ORIGIN}.evil.com/`)).toBe(false);
    expect(isAppUrl('file:///app/index.html')).toBe(false);
  });

  it('answers IPC only from the main frame showing our origin', () => {
    const main = { url: `${APP_ORIGIN}/index.html` };
    expect(isTrustedSenderFrame(main, main)).toBe(true);
    const child = { url: `${APP_ORIGIN}/index.html` };
    expect(isTrustedSenderFrame(child, main)).toBe(false);
    const foreign = { url: 'https://example.com/' };
    expect(isTrustedSenderFrame(foreign, foreign)).toBe(false);
    expect(isTrustedSenderFrame(null, main)).toBe(false);
  });
});
