// A plain ws client for protocol tests: collects every JSON message and the close code.
import WebSocket from 'ws';

export interface TestClient {
  ws: WebSocket;
  messages: Array<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  next(check: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function connect(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
  const ws = new WebSocket(url, options);
  const messages: Array<Record<string, unknown>> = [];
  const listeners = new Set<() => void>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const l of [...listeners]) l();
  });
  ws.on('error', () => {}); // the close event carries what the tests look at
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return {
    ws,
    messages,
    closed,
    send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
    next(check, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const test = () => {
          for (; seen < messages.length; seen++) {
            const m = messages[seen]!;
            if (check(m)) {
              listeners.delete(test);
              clearTimeout(timer);
              resolve(m);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(test);
          reject(new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages).slice(0, 500)}`));
        }, timeoutMs);
        listeners.add(test);
        test();
      });
    },
    async close() {
      if (ws.readyState === ws.CLOSED) return;
      ws.close();
      await closed;
    },
  };
}

/** Round trip through the server: once the pong is back, every earlier frame has been handled. */
export async function roundTrip(client: TestClient): Promise<void> {
  const before = client.messages.length;
  client.send({ type: 'ping' });
  await client.next((m) => m.type === 'pong' && client.messages.indexOf(m) >= before);
}
