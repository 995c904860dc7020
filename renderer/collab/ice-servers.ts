// ICE servers for rooms across NATs (issue 4): a list in the Collaboration view, one per line,
// "stun:host:port" or "turn:host:port username credential". Empty (the default) is right on a
// LAN or loopback: peers then connect by their host candidates only, and nothing leaves the network.

const KEY = 'codecrafter.collab.iceServers';

export interface IceParse {
  servers: RTCIceServer[];
  problems: string[];
}

export function parseIceServers(text: string): IceParse {
  const servers: RTCIceServer[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [url, username, credential, ...rest] = line.split(/\s+/);
    if (!/^(stun|stuns|turn|turns):[^\s]+$/.test(url!) || rest.length > 0) {
      problems.push(`line ${i + 1}: write "stun:host:port" or "turn:host:port username credential"`);
      return;
    }
    if (url!.startsWith('turn') && (!username || !credential)) {
      problems.push(`line ${i + 1}: a TURN server needs a username and a credential`);
      return;
    }
    servers.push(username && credential ? { urls: url!, username, credential } : { urls: url! });
  });
  return { servers, problems };
}

export function loadIceText(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveIceText(text: string): void {
  try {
    localStorage.setItem(KEY, text);
  } catch {
    // Private mode: the list lasts for this session only.
  }
}
