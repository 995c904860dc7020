import { readFileSync } from 'node:fs';

/**
 * The local IPv4 addresses with a listening TCP socket on `port`, read from the kernel's table
 * (/proc/net/tcp), so a test sees what was really bound rather than what the server says.
 */
export function listeningAddresses(port: number): string[] {
  const LISTEN = '0A';
  const found: string[] = [];
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const [, local, , state] = line.trim().split(/\s+/);
    if (!local || state !== LISTEN) continue;
    const [hexAddress, hexPort] = local.split(':') as [string, string];
    if (parseInt(hexPort, 16) !== port) continue;
    // Little-endian bytes: 0100007F is 127.0.0.1.
    const bytes = hexAddress.match(/../g)!.map((b) => parseInt(b, 16)).reverse();
    found.push(bytes.join('.'));
  }
  return found;
}
