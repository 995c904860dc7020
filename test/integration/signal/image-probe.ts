// Runs inside the signal image's container (copied in by docker.test.ts as one bundled file), so
// the check needs no network between the test and the container: `--network none` is enough.
// Prints one JSON line with what it saw.  usage: node probe.cjs <port>
import WebSocket from 'ws';

const port = Number(process.argv[2] ?? 4444);
const base = `127.0.0.1:${port}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function open(): Promise<{ ws: WebSocket; next: (check: (m: { type?: string; data?: unknown }) => boolean) => Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${base}`);
    const seen: Array<{ type?: string; data?: unknown }> = [];
    const waiters = new Set<() => void>();
    ws.on('message', (raw) => {
      seen.push(JSON.parse(String(raw)));
      for (const w of [...waiters]) w();
    });
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        ws,
        next: (check) =>
          new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error('probe: no matching message')), 5000);
            const test = () => {
              const found = seen.find(check);
              if (!found) return;
              waiters.delete(test);
              clearTimeout(timer);
              res(found);
            };
            waiters.add(test);
            test();
          }),
      }),
    );
  });
}

async function main() {
  let health: unknown;
  for (let i = 0; i < 100 && !health; i++) {
    health = await fetch(`http://${base}/health`).then((r) => r.json(), () => undefined);
    if (!health) await sleep(100);
  }
  const [a, b] = await Promise.all([open(), open()]);
  b.ws.send(JSON.stringify({ type: 'subscribe', topics: ['room'] }));
  b.ws.send(JSON.stringify({ type: 'ping' }));
  await b.next((m) => m.type === 'pong');
  a.ws.send(JSON.stringify({ type: 'publish', topic: 'room', data: 'from the container' }));
  const relayed = await b.next((m) => m.type === 'publish');
  a.ws.send('not json');
  a.ws.send(JSON.stringify({ type: 'ping' }));
  await a.next((m) => m.type === 'pong');
  const metrics = await (await fetch(`http://${base}/metrics`)).text();
  a.ws.close();
  b.ws.close();
  console.log(JSON.stringify({ health, relayed, dropsJson: /^signal_drops_total\{reason="json"\} (\d+)$/m.exec(metrics)?.[1] ?? null }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(String(error));
    process.exit(1);
  },
);
