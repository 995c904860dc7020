// Hostile traffic against a signalling server, with an honest pair of clients relaying through it
// the whole time. Five phases, 10,000 frames in all by default: malformed JSON, oversized frames,
// binary frames, invalid UTF-8, topic floods. Loopback only; bounded in frames and time.
//   node --import tsx test/integration/signal/attack.ts [--kind ours|stock|both] [--json out.json]
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { startServerProcess, type ServerKind, type ServerProcess } from './server-process';

export const PHASES = ['malformed', 'oversized', 'binary', 'invalid-utf8', 'topic-flood'] as const;
export type Phase = (typeof PHASES)[number];
/** Frames per phase for the default 10,000. */
export const PHASE_FRAMES: Record<Phase, number> = { malformed: 3000, oversized: 200, binary: 2000, 'invalid-utf8': 800, 'topic-flood': 4000 };

const HONEST_TOPIC = 'honest-room';
const PHASE_TIME_LIMIT_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Frame = { data: string | Buffer; binary: boolean };

function frameFor(phase: Phase, i: number): Frame {
  switch (phase) {
    case 'malformed': {
      const variants = [
        'not json at all',
        '{"type":"publish","topic":',
        '{"type":"subscribe","topics":5}',
        '{"type":"subscribe","topics":[{"a":1}]}',
        '{"type":"unsubscribe","topics":"x"}',
        '{"type":"publish","topic":{"toString":1}}',
        `{"type":"subscribe","topics":["${'y'.repeat(5000)}"]}`,
        '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
      ];
      return { data: variants[i % variants.length]!, binary: false };
    }
    case 'oversized':
      // 1 MiB publish into the honest room: the stock server takes up to 100 MiB per frame and relays it.
      return { data: JSON.stringify({ type: 'publish', topic: HONEST_TOPIC, data: 'x'.repeat(1024 * 1024) }), binary: false };
    case 'binary':
      return i % 2 === 0
        ? { data: Buffer.from(JSON.stringify({ type: 'publish', topic: HONEST_TOPIC, data: { spam: i } })), binary: true }
        : { data: randomBytes(256), binary: true };
    case 'invalid-utf8':
      return { data: Buffer.concat([Buffer.from('{"type":"ping","x":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]), binary: false };
    case 'topic-flood': {
      // Half huge subscribe frames (1,000 fresh topics each), half that fit per-message caps (50 each).
      const n = i % 2 === 0 ? 1000 : 50;
      const topics = Array.from({ length: n }, (_, k) => `flood-${i}-${k}-${randomBytes(6).toString('hex')}`);
      return { data: JSON.stringify({ type: 'subscribe', topics }), binary: false };
    }
  }
}

/** Opens a socket from a given loopback source address; resolves undefined when refused. */
function open(url: string, localAddress: string): Promise<WebSocket | undefined> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { localAddress, handshakeTimeout: 5000 });
    ws.on('error', () => resolve(undefined));
    ws.once('unexpected-response', () => resolve(undefined));
    ws.once('open', () => resolve(ws));
  });
}

class HonestPair {
  sent = 0;
  latencies: number[] = [];
  /** Bytes of attacker frames the server relayed to the honest subscriber. */
  junkBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private constructor(private a: WebSocket, private b: WebSocket) {}

  static async start(url: string): Promise<HonestPair> {
    const [a, b] = await Promise.all([open(url, '127.0.0.2'), open(url, '127.0.0.2')]);
    if (!a || !b) throw new Error('honest clients could not connect');
    const pair = new HonestPair(a, b);
    b.on('message', (raw: Buffer) => {
      try {
        const m = JSON.parse(String(raw));
        if (typeof m?.data?.honest === 'number') return void pair.latencies.push(performance.now() - m.data.t);
      } catch {
        /* not JSON: the stock server relays attacker frames as they came */
      }
      pair.junkBytes += raw.length;
    });
    b.send(JSON.stringify({ type: 'subscribe', topics: [HONEST_TOPIC] }));
    await sleep(100);
    pair.timer = setInterval(() => {
      if (a.readyState !== a.OPEN) return;
      a.send(JSON.stringify({ type: 'publish', topic: HONEST_TOPIC, data: { honest: pair.sent++, t: performance.now() } }));
    }, 50);
    return pair;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    // Let the last ones arrive; on a busy machine that can take a while, on a dead server never.
    for (let waited = 0; this.latencies.length < this.sent && waited < 5000; waited += 50) await sleep(50);
    this.a.terminate();
    this.b.terminate();
  }
}

export interface PhaseResult {
  phase: Phase;
  framesSent: number;
  connectionsOpened: number;
  connectionsRefused: number;
  serverAlive: boolean;
  rssPeakMiB: number;
}

export interface AttackResult {
  kind: ServerKind;
  survived: boolean;
  /** First error line the server printed before it died. */
  crash?: string;
  diedInPhase?: Phase;
  rssStartMiB: number;
  rssPeakMiB: number;
  rssEndMiB: number;
  honest: { sent: number; delivered: number; p50Ms: number; p99Ms: number; junkMiB: number };
  phases: PhaseResult[];
  /** Our server's own counters after the attack (drops and closes by reason). */
  serverCounters?: Record<string, number>;
  /** Our server's /health once the attacker and the honest pair have gone: nothing left behind. */
  healthAfter?: { connections: number; topics: number };
}

async function scrapeCounters(server: ServerProcess): Promise<Record<string, number> | undefined> {
  if (server.kind !== 'ours' || !server.alive()) return undefined;
  const text = await (await fetch(`${server.url.replace('ws:', 'http:')}/metrics`)).text();
  const counters: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(signal_(?:drops|closed_by_server|rejected_connections|messages_in)_total\{[^}]*\}) (\d+)/.exec(line);
    if (m) counters[m[1]!] = Number(m[2]);
  }
  return counters;
}

/** The line naming the error class (`SyntaxError: …`, `Error [WS_ERR_INVALID_UTF8]: …`), not the `throw er` echo. */
function firstErrorLine(stderr: string): string | undefined {
  const lines = stderr.split('\n');
  const line = lines.find((l) => /^\s*\w*Error( \[\w+\])?:/.test(l)) ?? lines.find((l) => /Error|error/.test(l));
  // The stock server echoes the attacker's random bytes in its message; keep the report printable.
  return line?.trim().replace(/[^\x20-\x7e]/g, '?');
}

const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
const pct = (xs: number[], p: number) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 100) / 100;
};

async function runPhase(server: ServerProcess, phase: Phase, frames: number, sampleRss: () => void): Promise<PhaseResult> {
  const result: PhaseResult = { phase, framesSent: 0, connectionsOpened: 0, connectionsRefused: 0, serverAlive: true, rssPeakMiB: 0 };
  const deadline = Date.now() + PHASE_TIME_LIMIT_MS;
  let ws: WebSocket | undefined;
  let peak = 0;
  while (result.framesSent < frames && Date.now() < deadline && server.alive()) {
    if (!ws || ws.readyState !== ws.OPEN) {
      ws?.terminate();
      ws = await open(server.url, '127.0.0.3');
      if (!ws) {
        result.connectionsRefused++;
        await sleep(20);
        continue;
      }
      ws.on('error', () => {});
      result.connectionsOpened++;
    }
    const frame = frameFor(phase, result.framesSent);
    ws.send(frame.data, { binary: frame.binary });
    result.framesSent++;
    // Frames queued after the server's close frame never leave; let the close land before the next.
    await new Promise((r) => setImmediate(r));
    // Keep our own send queue small, and let close frames in between.
    while (ws.readyState === ws.OPEN && ws.bufferedAmount > 4 * 1024 * 1024 && Date.now() < deadline) await sleep(5);
    if (result.framesSent % 50 === 0) {
      await new Promise((r) => setImmediate(r));
      sampleRss();
      peak = Math.max(peak, server.rssBytes());
    }
  }
  ws?.terminate();
  await sleep(300);
  sampleRss();
  result.serverAlive = server.alive();
  result.rssPeakMiB = mib(Math.max(peak, server.rssBytes()));
  return result;
}

export async function runAttack(kind: ServerKind, phases: readonly Phase[] = PHASES, scale = 1): Promise<AttackResult> {
  const server = await startServerProcess(kind);
  const rssStart = server.rssBytes();
  let rssPeak = rssStart;
  const sampleRss = () => {
    rssPeak = Math.max(rssPeak, server.rssBytes());
  };
  const sampler = setInterval(sampleRss, 100);
  const honest = await HonestPair.start(server.url);
  const results: PhaseResult[] = [];
  let diedInPhase: Phase | undefined;
  try {
    for (const phase of phases) {
      const r = await runPhase(server, phase, Math.max(1, Math.round(PHASE_FRAMES[phase] * scale)), sampleRss);
      results.push(r);
      if (!r.serverAlive) {
        diedInPhase = phase;
        break;
      }
    }
    await honest.stop();
  } finally {
    clearInterval(sampler);
  }
  const rssEnd = server.rssBytes();
  const survived = server.alive();
  const serverCounters = await scrapeCounters(server);
  let healthAfter: AttackResult['healthAfter'];
  if (kind === 'ours' && survived) {
    await sleep(200);
    healthAfter = (await (await fetch(`${server.url.replace('ws:', 'http:')}/health`)).json()) as AttackResult['healthAfter'];
  }
  const crash = survived ? undefined : firstErrorLine(server.stderr());
  await server.stop();
  return {
    kind,
    survived,
    crash,
    diedInPhase,
    rssStartMiB: mib(rssStart),
    rssPeakMiB: mib(rssPeak),
    rssEndMiB: mib(rssEnd),
    honest: { sent: honest.sent, delivered: honest.latencies.length, p50Ms: pct(honest.latencies, 50), p99Ms: pct(honest.latencies, 99), junkMiB: mib(honest.junkBytes) },
    phases: results,
    serverCounters,
    healthAfter,
  };
}

/** Everything side by side: all phases in one run per server, then each phase alone on a fresh one. */
export async function runComparison(kinds: ServerKind[] = ['ours', 'stock'], scale = 1) {
  const full: AttackResult[] = [];
  const isolated: AttackResult[] = [];
  for (const kind of kinds) full.push(await runAttack(kind, PHASES, scale));
  for (const kind of kinds) for (const phase of PHASES) isolated.push(await runAttack(kind, [phase], scale));
  return { full, isolated };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const { values } = parseArgs({ options: { kind: { type: 'string', default: 'both' }, json: { type: 'string' }, scale: { type: 'string', default: '1' } } });
  const kinds: ServerKind[] = values.kind === 'both' ? ['ours', 'stock'] : [values.kind as ServerKind];
  const result = await runComparison(kinds, Number(values.scale));
  const text = JSON.stringify(result, null, 2);
  if (values.json) writeFileSync(values.json, text + '\n');
  console.log(text);
}
