import { isAppUrl } from './security';

// Web permissions in the desktop shell (issue 11). Electron grants every permission request by
// default (docs/tutorial/security.md, checklist item 5), so the session gets a request handler
// and a check handler that deny everything but this list, and only to our own page in its main
// frame. Rooms need no media permission: RTCPeerConnection and RTCDataChannel are not behind any
// permission in Chromium or Electron (Electron's permission list has no WebRTC entry; `media` is
// camera and microphone, which CodeCrafter never uses).

/** What the app really uses, and why. Everything else (camera, microphone, screen, location,
 *  notifications, HID/USB/serial, clipboard reading, fullscreen, openExternal…) is refused. */
export const ALLOWED_PERMISSIONS: Readonly<Record<string, string>> = {
  // "Copy invite" in the Collaboration view writes the link with navigator.clipboard.writeText.
  'clipboard-sanitized-write': 'copy an invite link',
  // Rooms reach the signalling server over WebSocket, and peers over WebRTC, on loopback (the
  // embedded server) or the LAN; Chromium's Local Network Access asks for these before it lets a
  // page open such connections.
  'local-network-access': 'reach the signalling server and peers on this machine or the LAN',
  'local-network': 'reach the signalling server and peers on the LAN',
  'loopback-network': 'reach the embedded signalling server on this machine',
};

export interface PermissionAsk {
  permission: string;
  /** The URL of the frame that asks (details.requestingUrl), or the origin a check names. */
  requestingUrl: string | undefined;
  isMainFrame: boolean;
  /** Set for a cross-origin sub-frame's check: the page that embeds it. */
  embeddingOrigin?: string;
}

export function isPermissionAllowed(ask: PermissionAsk): boolean {
  if (!Object.hasOwn(ALLOWED_PERMISSIONS, ask.permission)) return false;
  if (!ask.isMainFrame || ask.embeddingOrigin !== undefined) return false;
  return ask.requestingUrl !== undefined && isAppUrl(ask.requestingUrl);
}
