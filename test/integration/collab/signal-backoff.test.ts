import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebsocketClient } from 'lib0/websocket';
import { createServer } from 'node:net';
import { backoffDelay, BACKOFF_CAP_MS, SignalBackoff, type ReconnectingSocket } from '../../../renderer/collab/signal-backoff';

// Against lib0's real WebsocketClient (the base of y-webrtc's SignalingConn) and Node's WebSocket,
// pointed at a loopback port where nothing listens: the refused connections are counted.

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let client: WebsocketClient | null = null;
afterEach(() => {
  client?.destroy();
  client = null;
});

describe('signalling backoff', () => {
  it('doubles the wait from one second up to a cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(100)).toBe(BACKOFF_CAP_MS);
  });

  it('spaces out the attempts against a dead server, retries at once on request, and stops for good', async () => {
    const url = `ws://127.0.0.1:${await freePort()}`;
    const attempts: string[] = [];
    const RealWebSocket = globalThis.WebSocket;
    vi.stubGlobal(
      'WebSocket',
      class extends RealWebSocket {
        constructor(u: string | URL) {
          attempts.push(String(u));
          super(u);
        }
      },
    );
    try {
      client = new WebsocketClient(url);
      const backoff = new SignalBackoff(client as unknown as ReconnectingSocket, () => {});
      // lib0 alone makes about four attempts in the first 1.5 s; with the backoff: the first and one retry.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(attempts.length).toBeGreaterThanOrEqual(1);
      expect(attempts.length).toBeLessThanOrEqual(2);
      await vi.waitFor(() => expect(backoff.state().failures).toBe(2), { timeout: 5_000 });
      expect(backoff.state().nextAttemptAt).not.toBeNull();
      const before = attempts.length;
      backoff.retryNow();
      expect(attempts.length).toBe(before + 1);
      await vi.waitFor(() => expect(backoff.state().failures).toBe(3), { timeout: 5_000 });
      backoff.stop();
      expect(backoff.state().nextAttemptAt).toBeNull();
      await new Promise((r) => setTimeout(r, 1_500));
      expect(attempts.length).toBe(before + 1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
