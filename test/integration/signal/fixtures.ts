// Servers and clients that a test opens here are closed after it, newest first.
import { afterEach } from 'vitest';
import { startSignalServer, type SignalServer, type SignalServerOptions } from '../../../signal';
import { connect, type TestClient } from './ws-client';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

/** Runs `close` after the current test. */
export function onCleanup(close: () => Promise<void> | void): void {
  cleanup.push(async () => close());
}

/** A signalling server on a free loopback port. */
export async function server(options: Partial<SignalServerOptions> = {}): Promise<SignalServer> {
  const s = await startSignalServer({ port: 0, ...options });
  cleanup.push(() => s.close());
  return s;
}

export async function client(url: string): Promise<TestClient> {
  const c = await connect(url);
  cleanup.push(() => c.close());
  return c;
}

/** A labelled counter of the server's metrics, e.g. drops by reason. */
export async function count(metric: SignalServer['metrics']['drops' | 'rejected'], reason: string): Promise<number> {
  return (await metric.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;
}
