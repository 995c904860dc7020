import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from '../../common/bridge';

// The security decisions of the Electron shell, kept free of the `electron` runtime so they are
// unit-tested in plain Node (Electron security checklist #2-4, #13-15, #17).

/**
 * Options of every window: sandboxed renderer, context isolation, no Node, no webviews. A packaged
 * build has no DevTools at all (issue 11): they would hand anyone at the keyboard a console in the
 * page that holds the room secret and reaches the host's shell.
 */
export function secureWindowOptions(preload: string, options: { packaged: boolean } = { packaged: true }): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#1e1e1e',
    title: 'CodeCrafter',
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !options.packaged,
      // A middle-click on a link would otherwise try to open it in a new window (auxclick).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** Links the user follows open in the system browser only when they are plain web links. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * A page may stay in the window only while it is ours. Compared by scheme and host, not by
 * `origin`: outside Electron (where our scheme is registered as standard) a custom scheme's
 * origin is "null".
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    const app = new URL(`${APP_ORIGIN}/`);
    return parsed.protocol === app.protocol && parsed.host === app.host && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** IPC is answered only for the main frame of a window that shows our own origin. */
export function isTrustedSenderFrame(frame: { url: string } | null | undefined, mainFrame: unknown): boolean {
  return !!frame && frame === mainFrame && isAppUrl(frame.url);
}
