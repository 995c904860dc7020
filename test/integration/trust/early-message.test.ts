import { fork } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopChildPeer } from '../child-peer';

// A data channel's first message can reach the page before the channel's open event (Chromium
// does this; the rooms bench's guest page logged "dropped peer …: handshake-failed (out-of-order)").
// PeerLink started its handshake at the open event and dropped a hello that came before it, so
// the peer's auth then failed as out of order and the link was lost. Two PeerLinks over real
// WebRTC (@roamhq/wrtc) in a child process; run in a loopback-only network namespace (npm test does).

const script = path.join(import.meta.dirname, 'early-message-peers.ts');

async function handshake(mode: 'on-time' | 'late-open' | 'big-hello'): Promise<Record<string, string>> {
  const child = fork(script, [mode], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    return await new Promise((resolve, reject) => {
      child.on('message', (m: { ev: string; outcome?: Record<string, string>; message?: string }) => {
        if (m.ev === 'error') reject(new Error(m.message));
        if (m.ev === 'result') resolve(m.outcome!);
      });
      child.on('exit', (code) => reject(new Error(`the peers' process exited (${code})`)));
    });
  } finally {
    await stopChildPeer(child);
  }
}

describe('a handshake message before the data channel reports open', { timeout: 120_000 }, () => {
  it('both sides verify each other when the channel opens on time', async () => {
    expect(await handshake('on-time')).toEqual({ offerer: 'verified Answerer', answerer: 'verified Offerer' });
  });

  it('both sides verify each other when the peer’s hello comes before the open event', async () => {
    expect(await handshake('late-open')).toEqual({ offerer: 'verified Answerer', answerer: 'verified Offerer' });
  });

  it('a handshake message over 16 KiB closes the link unread', async () => {
    const outcome = await handshake('big-hello');
    expect(outcome.answerer).toMatch(/^closed: malformed \(a handshake message of \d+ bytes\)$/);
  });
});
