import { formatInvite, parseInvite } from '../../common/invite';

/**
 * The http form of an invite, opened in the browser host, arrives as `/?join=<room>&s=<signal>`
 * with the secret still in `#` (the host redirected `/join/<room>` there). Returns the invite link
 * to join and takes the room out of the address bar, or null when the page was opened plainly.
 */
export function takeInviteFromLocation(): string | null {
  const params = new URLSearchParams(location.search);
  const roomId = params.get('join');
  const signalUrl = params.get('s');
  if (!roomId || !signalUrl) return null;
  const secret = location.hash.replace(/^#/, '');
  history.replaceState(null, '', location.pathname);
  // The owner's key and the salt (o=, n=) travel too: they prove whose room it is (common/invite.ts).
  const owner = ['o', 'n'].map((k) => (params.has(k) ? `&${k}=${encodeURIComponent(params.get(k)!)}` : '')).join('');
  const link = `${location.origin}/join/${encodeURIComponent(roomId)}?s=${encodeURIComponent(signalUrl)}${owner}#${secret}`;
  const parsed = parseInvite(link);
  // A malformed link still goes to joinRoom, which says what is wrong with it.
  return parsed.ok ? formatInvite(parsed.invite, location.origin) : link;
}
