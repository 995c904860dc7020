import { formatInvite, parseInvite } from '../../common/invite';

/**
 * The http form of an invite, opened in the browser host, arrives as `/?join=<room>&s=…&t=…`
 * with the secret still in `#` (the host redirected `/join/<room>` there). Returns the invite link
 * (which the join dialog shows before anything happens) and takes the room out of the address
 * bar, or null when the page was opened plainly.
 */
export function takeInviteFromLocation(): string | null {
  const params = new URLSearchParams(location.search);
  const roomId = params.get('join');
  if (!roomId) return null;
  params.delete('join');
  const secret = location.hash.replace(/^#/, '');
  history.replaceState(null, '', location.pathname);
  const link = `${location.origin}/join/${encodeURIComponent(roomId)}?${params.toString()}#${secret}`;
  const parsed = parseInvite(link);
  // A malformed (or old) link still goes to the join flow, which says what is wrong with it.
  return parsed.ok ? formatInvite(parsed.invite, location.origin) : link;
}
