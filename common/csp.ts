// The renderer's Content-Security-Policy, the same in both hosts. Monaco sets inline styles and
// starts its workers from our own origin; nothing else is allowed, and nothing from any other
// origin: the app works offline and must never load remote code.

export function contentSecurityPolicy(options: { connectSources?: string[] } = {}): string {
  // Rooms (issue 4): the signalling server is whatever an invite names, so any ws:/wss: endpoint.
  const connect = ["'self'", 'ws:', 'wss:', ...(options.connectSources ?? [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
