import { describe, expect, it } from 'vitest';
import { parseIceServers } from './ice-servers';

describe('parseIceServers', () => {
  it('reads STUN and TURN lines and skips blanks and comments', () => {
    expect(parseIceServers('\n# office\nstun:stun.example.org:3478\nturn:turn.example.org:3478 alice s3cret\n')).toEqual({
      servers: [{ urls: 'stun:stun.example.org:3478' }, { urls: 'turn:turn.example.org:3478', username: 'alice', credential: 's3cret' }],
      problems: [],
    });
  });

  it('is empty by default (LAN, loopback)', () => {
    expect(parseIceServers('')).toEqual({ servers: [], problems: [] });
  });

  it('names the bad lines and keeps the good ones', () => {
    const { servers, problems } = parseIceServers('http://x\nturn:t:3478\nstun:s:1');
    expect(servers).toEqual([{ urls: 'stun:s:1' }]);
    expect(problems).toEqual([expect.stringContaining('line 1'), expect.stringContaining('line 2: a TURN server needs')]);
  });
});
