// Collaboration benchmark (issue 4): two real browser hosts, two Chromium contexts, real WebRTC
// on loopback. Measures, in one run and side by side:
//   - Monaco-to-Monaco latency through the app (keystroke applied in A's editor until the text
//     is in B's editor), p50/p99 over EDITS single-character edits typed at a steady pace;
//   - the same edits through our transport (renderer/collab/room-connection.ts) on a bare Y.Text;
//   - the same edits through stock y-webrtc on a bare Y.Text (no batching);
//   - 10,000 single-character edits until all are delivered, for each of the three.
// Usage: npm run build && node --import tsx test/bench/collab.bench.ts [--edits 500] [--burst 10000]
// Re-runs itself in a loopback-only network namespace when it can (as npm test does).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { copyFixture, REPO_ROOT, startHost, tempDir, type RunningHost } from '../e2e/web-host';
import { percentile, writeReport, type BenchRow } from './report';
import { bytesToHex } from '@noble/hashes/utils.js';
import { newSecretKey, signerFromSecretKey } from '../../common/identity';
import { newRoomSalt, roomIdFor } from '../../common/membership';

const { values } = parseArgs({
  options: { edits: { type: 'string', default: '500' }, burst: { type: 'string', default: '10000' }, gap: { type: 'string', default: '20' } },
});
const EDITS = Number(values.edits);
const BURST = Number(values.burst);
const GAP_MS = Number(values.gap);

if (process.env.CODECRAFTER_NETNS !== '1' && process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0) {
  const script = `ip link set lo up && exec "${process.execPath}" --import tsx ${JSON.stringify(process.argv[1])} ${process.argv.slice(2).join(' ')}`;
  const result = spawnSync('unshare', ['-n', '--', 'sh', '-c', script], { stdio: 'inherit', env: { ...process.env, CODECRAFTER_NETNS: '1' } });
  process.exit(result.status ?? 1);
}
if (!existsSync(path.join(REPO_ROOT, 'dist/cli.mjs')) || !existsSync(path.join(REPO_ROOT, 'dist/renderer/index.html'))) {
  console.error('collab bench: build first (npm run build)');
  process.exit(2);
}

interface Timed {
  /** [text length after the edit, epoch ms (high resolution)] */
  sent: Array<[number, number]>;
}

// Browser-side code is passed as source text so the TypeScript loader's helpers never reach the page.
const RECEIVE_MONACO = `(() => {
  const P = window.__codecrafterProbe; const model = P.editor().getModel();
  window.__arrivals = [];
  model.onDidChangeContent(() => window.__arrivals.push([model.getValueLength(), performance.timeOrigin + performance.now()]));
})()`;

const SEND_MONACO = `async ([n, gap, chunk]) => {
  const P = window.__codecrafterProbe; const ed = P.editor(); const model = ed.getModel();
  ed.setPosition(model.getPositionAt(model.getValueLength()));
  const sent = [];
  for (let i = 0; i < n; i++) {
    const t = performance.timeOrigin + performance.now();
    ed.trigger('bench', 'type', { text: 'x' });
    sent.push([model.getValueLength(), t]);
    if (gap > 0) await new Promise((r) => setTimeout(r, gap));
    else if ((i + 1) % chunk === 0) await new Promise((r) => setTimeout(r, 0));
  }
  return { sent };
}`;

// The floor: the same burst typed into a Monaco model that is bound to nothing.
const MONACO_ALONE = `async ([n, chunk]) => {
  const P = window.__codecrafterProbe; const ed = P.editor(); const previous = ed.getModel();
  const model = P.monaco.editor.createModel('start\\n', 'plaintext');
  ed.setModel(model); ed.setPosition(model.getPositionAt(model.getValueLength()));
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    ed.trigger('bench', 'type', { text: 'x' });
    if ((i + 1) % chunk === 0) await new Promise((r) => setTimeout(r, 0));
  }
  const ms = performance.now() - t0;
  ed.setModel(previous); model.dispose();
  return ms;
}`;

const BARE_SETUP = `async ([kind, room, secret, signal, ours]) => {
  const P = window.__codecrafterProbe;
  const doc = new P.Y.Doc(); const text = doc.getText('t');
  let peers, messages;
  if (kind === 'ours') {
    // Our provider needs identities: page a owns the room and lets anyone in as an editor.
    const signer = await P.benchSigner(ours.keyHex);
    const conn = new P.RoomConnection({ roomId: ours.roomId, secret, signalUrl: signal, iceServers: [], doc, awareness: new P.Awareness(doc), signer, name: 'bench', ownerKey: ours.ownerKey, salt: ours.salt, admission: 'editor' });
    peers = () => conn.status().peers; messages = () => conn.stats.docMessages;
  } else {
    const provider = new P.WebrtcProvider(room, doc, { signaling: [signal], password: secret, peerOpts: { config: { iceServers: [] } } });
    let count = 0; const wrapped = new WeakSet();
    peers = () => {
      let open = 0;
      for (const c of provider.room ? provider.room.webrtcConns.values() : []) {
        if (!c.connected) continue; open++;
        if (!wrapped.has(c.peer)) { wrapped.add(c.peer); const send = c.peer.send.bind(c.peer); c.peer.send = (d) => { count++; return send(d); }; }
      }
      return open;
    };
    messages = () => count;
  }
  window.__bare = { doc, text, peers, messages };
  window.__arrivals = [];
  text.observe(() => window.__arrivals.push([text.length, performance.timeOrigin + performance.now()]));
}`;

const SEND_BARE = `async ([n, gap, chunk]) => {
  const { text } = window.__bare; const sent = [];
  for (let i = 0; i < n; i++) {
    const t = performance.timeOrigin + performance.now();
    text.insert(text.length, 'x');
    sent.push([text.length, t]);
    if (gap > 0) await new Promise((r) => setTimeout(r, gap));
    else if ((i + 1) % chunk === 0) await new Promise((r) => setTimeout(r, 0));
  }
  return { sent };
}`;

/** Polls from Node: page.waitForFunction would eval a string in the page, which our CSP forbids. */
async function waitFor(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function latencies(sent: Timed['sent'], arrivals: Array<[number, number]>): number[] {
  const out: number[] = [];
  let j = 0;
  for (const [length, t] of sent) {
    while (j < arrivals.length && arrivals[j]![0] < length) j++;
    if (j === arrivals.length) throw new Error(`edit reaching length ${length} never arrived`);
    out.push(Math.max(0, arrivals[j]![1] - t));
  }
  return out;
}

async function measure(a: Page, b: Page, send: string, messages: () => Promise<number>) {
  // Latency at a typing pace.
  await b.evaluate('window.__arrivals.length = 0');
  const before = await messages();
  const paced = (await a.evaluate(`(${send})([${EDITS}, ${GAP_MS}, 100])`)) as Timed;
  const target = paced.sent.at(-1)![0];
  await waitFor(b, `window.__arrivals.length > 0 && window.__arrivals[window.__arrivals.length - 1][0] >= ${target}`);
  const lat = latencies(paced.sent, (await b.evaluate('window.__arrivals')) as Array<[number, number]>);
  const pacedMessages = (await messages()) - before;
  // A burst: BURST edits as fast as they can be made (yielding every 100), until all arrived.
  await b.evaluate('window.__arrivals.length = 0');
  const beforeBurst = await messages();
  const burst = (await a.evaluate(`(${send})([${BURST}, 0, 100])`)) as Timed;
  const burstTarget = burst.sent.at(-1)![0];
  await waitFor(b, `window.__arrivals.length > 0 && window.__arrivals[window.__arrivals.length - 1][0] >= ${burstTarget}`, 300_000);
  const arrivals = (await b.evaluate('window.__arrivals')) as Array<[number, number]>;
  const deliveredMs = arrivals.at(-1)![1] - burst.sent[0]![1];
  const senderMs = burst.sent.at(-1)![1] - burst.sent[0]![1];
  return {
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    max: Math.max(...lat),
    pacedMessages,
    deliveredMs,
    senderMs,
    burstMessages: (await messages()) - beforeBurst,
  };
}

async function openPeer(browser: Browser, host: RunningHost): Promise<Page> {
  const context = await browser.newContext({ permissions: ['microphone'], viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${host.url}&probe=1`);
  await page.getByRole('heading', { name: 'CodeCrafter' }).waitFor();
  return page;
}

async function main(): Promise<void> {
  const workspace = copyFixture('sample-workspace');
  writeFileSync(path.join(workspace.dir, 'bench.txt'), 'start\n');
  const dataA = tempDir('cc-bench-a-');
  const dataB = tempDir('cc-bench-b-');
  const [hostA, hostB] = [await startHost(dataA.dir), await startHost(dataB.dir)];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--allow-loopback-in-peer-connection', '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
  });
  try {
    const a = await openPeer(browser, hostA);
    const b = await openPeer(browser, hostB);
    // A opens the folder and shares it; B joins with the invite.
    await a.getByLabel('Folder path on this machine').fill(workspace.dir);
    await a.getByRole('button', { name: 'Open', exact: true }).click();
    await a.getByRole('button', { name: 'Collaboration', exact: true }).click();
    // The bench is about the transport, not the door: anyone with the invite joins as an editor.
    await a.getByLabel('Who may join').selectOption('editor');
    await a.getByRole('button', { name: 'Share workspace' }).click();
    const inviteField = a.locator('input[readonly][aria-label="Invite link"]');
    await inviteField.waitFor();
    const invite = await inviteField.inputValue();
    await b.getByRole('button', { name: 'Collaboration', exact: true }).click();
    await b.getByRole('region', { name: 'Collaboration' }).getByLabel('Invite link').fill(invite);
    await b.getByRole('button', { name: 'Join room' }).click();
    for (const p of [a, b]) {
      await p.locator('[aria-label="Room status"][data-peers="1"]').waitFor({ timeout: 30_000 });
      await p.getByRole('button', { name: 'Explorer', exact: true }).click();
      await p.getByRole('treeitem', { name: 'bench.txt' }).click();
      await waitFor(p, `window.__codecrafterProbe.editorText() === 'start\\n'`);
    }
    await b.evaluate(RECEIVE_MONACO);
    const signal = new URL(decodeURIComponent(/[?&]s=([^#&]+)/.exec(invite)![1]!)).toString().replace(/\/$/, '');
    const stats = (page: Page) => async () => ((await page.evaluate('window.__codecrafterProbe.stats()')) as { docMessages: number }).docMessages;
    console.log('collab bench: Monaco to Monaco through the app…');
    const monacoResult = await measure(a, b, SEND_MONACO, stats(a));

    const monacoAloneMs = (await a.evaluate(`(${MONACO_ALONE})([${BURST}, 100])`)) as number;
    console.log(`collab bench: Monaco alone, ${BURST} edits in ${monacoAloneMs.toFixed(0)} ms`);
    const bare: Record<string, Awaited<ReturnType<typeof measure>>> = {};
    for (const kind of ['ours', 'stock']) {
      console.log(`collab bench: bare Y.Text, ${kind}…`);
      const room = `bench-${kind}-${Date.now()}`;
      const secret = 'bench-secret-bench-secret-1234';
      const ownerHex = bytesToHex(await newSecretKey());
      const ownerKey = (await signerFromSecretKey(Uint8Array.from(Buffer.from(ownerHex, 'hex')))).publicKey;
      const salt = newRoomSalt();
      const ours = (keyHex: string) => ({ keyHex, ownerKey, salt, roomId: roomIdFor(ownerKey, salt) });
      const keys = [ownerHex, bytesToHex(await newSecretKey())];
      for (const [i, p] of [a, b].entries()) await p.evaluate(`(${BARE_SETUP})(${JSON.stringify([kind, room, secret, signal, ours(keys[i]!)])})`);
      for (const p of [a, b]) await waitFor(p, 'window.__bare.peers() >= 1', 30_000);
      bare[kind] = await measure(a, b, SEND_BARE, async () => (await a.evaluate('window.__bare.messages()')) as number);
      for (const p of [a, b]) await p.evaluate('window.__bare.doc.destroy()');
    }

    const rows = [
      { name: 'CodeCrafter, Monaco to Monaco (app)', r: monacoResult },
      { name: 'CodeCrafter transport, bare Y.Text', r: bare.ours! },
      { name: 'stock y-webrtc, bare Y.Text', r: bare.stock! },
    ].map(({ name, r }): BenchRow => ({
      name,
      values: {
        'p50 ms': Number(r.p50.toFixed(2)),
        'p99 ms': Number(r.p99.toFixed(2)),
        'max ms': Number(r.max.toFixed(2)),
        [`messages for ${EDITS} paced edits`]: r.pacedMessages,
        [`${BURST} edits delivered ms`]: Math.round(r.deliveredMs),
        [`of which making the edits in A ms`]: Math.round(r.senderMs),
        [`messages for ${BURST} edits`]: r.burstMessages,
      },
    }));
    rows.push({ name: 'Monaco alone (no binding, no network), the floor', values: { [`of which making the edits in A ms`]: Math.round(monacoAloneMs) } });
    for (const row of rows) console.log(row.name, row.values);
    writeReport({
      part: 'collab',
      title: 'Collaboration: edit latency and throughput between two browsers',
      notes: [
        `Two browser hosts, two Chromium contexts, WebRTC on loopback in a network namespace; ${EDITS} single-character edits typed every ${GAP_MS} ms for latency, then ${BURST} as fast as possible (yielding every 100).`,
        'Latency: from the edit applied in A (Monaco model, or Y.Text) to the change event in B; both clocks are performance.timeOrigin + now() on one machine.',
        'Messages: data channel messages carrying document updates from A (stock: every message y-webrtc sent, awareness included, since it sends each update alone).',
        'Targets: p50 <= 5 ms, p99 <= 30 ms, 10,000 edits delivered in <= 2 s.',
      ],
      rows,
      extra: { monacoAloneMs, edits: EDITS, burst: BURST, gapMs: GAP_MS, monaco: monacoResult, bare },
    });
  } finally {
    await browser.close();
    await hostA.stop();
    await hostB.stop();
    workspace.cleanup();
    dataA.cleanup();
    dataB.cleanup();
  }
}

await main();
