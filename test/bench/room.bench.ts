// Rooms benchmark (issue 8, "Rooms you can trust", its Must-show): real browser hosts, one
// Chromium context per person, real WebRTC on loopback. Measures, in one run and side by side:
//   a. handshake to first synced document: from the guest's click on Join until a shared file's
//      text is in the guest's doc, over JOINS joins of a small room (p50/p95);
//   b. joining a room that shares a generated folder (BIG_FILES files / BIG_MB MB, seeded) and the
//      same join of a baseline folder (BASE_FILES / BASE_MB): from Join until the Explorer shows the
//      tree, and from the click on the first file until its text is in the guest's editor;
//   c. PEERS people each typing RATE keys/s into one file for SECONDS s: Monaco-to-Monaco latency
//      over every (sender, receiver) pair, with every person's app page on this machine;
//   d. the same typing with two people in app pages and PEERS - 2 in Node processes
//      (typist-peer.ts, real WebRTC): Monaco to Monaco between the two pages, which keep a core
//      to spare as a person's own machine would.
// Usage: npm run build && npm run bench -- room [--joins 8] [--big-joins 3] [--seconds 20] [--seed 8] [--label before]
//   [--only typing] [--profile=typing]. `--only typing` runs parts c and d alone and keeps a and b's rows
//   (and their date and load) from the last run that measured them. (`--profile=typing` with the
//   `=`: a bare `--profile` is taken by npm run bench for its own Node profile.)
// Re-runs itself in a loopback-only network namespace when it can (as npm test does).
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { copyFixture, REPO_ROOT, startHost, tempDir, type RunningHost } from '../e2e/web-host';
import { generateFolder } from '../e2e/generated-folder';
import { stopChildPeer } from '../integration/child-peer';
import { poll } from './poll';
import { percentile, writeReport, type BenchRow } from './report';

const { values } = parseArgs({
  options: {
    joins: { type: 'string', default: '8' },
    'big-joins': { type: 'string', default: '3' },
    'big-files': { type: 'string', default: '2000' },
    'big-mb': { type: 'string', default: '20' },
    'base-files': { type: 'string', default: '200' },
    'base-mb': { type: 'string', default: '2' },
    peers: { type: 'string', default: '5' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    seed: { type: 'string', default: '8' },
    /** `typing`: parts c and d alone (no folders); the table keeps a and b from before. */
    only: { type: 'string' },
    'timeout-s': { type: 'string', default: '180' },
    /**
     * `big`: the guest page's CPU profile of the first big join; `typing`: one typist's page while
     * everyone types. Written to $TMPDIR/cc-room-profiles (for Chrome DevTools).
     */
    profile: { type: 'string' },
    /**
     * `--label before` keeps this run as bench-results/room-before.json (and nothing else): the
     * next unlabelled run shows its rows next to its own, e.g. a run of the code before a change.
     */
    label: { type: 'string' },
  },
});
const JOINS = Number(values.joins);
const BIG_JOINS = Number(values['big-joins']);
const BIG = { files: Number(values['big-files']), bytes: Math.round(Number(values['big-mb']) * 1024 * 1024) };
const BASE = { files: Number(values['base-files']), bytes: Math.round(Number(values['base-mb']) * 1024 * 1024) };
const PEERS = Number(values.peers);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const SEED = Number(values.seed);
const TIMEOUT_MS = Number(values['timeout-s']) * 1000;
/** Goals from issue 8. */
const GOAL = { treeMs: 2000, firstFileMs: 500, typingP99Ms: 30 };

if (process.env.CODECRAFTER_NETNS !== '1' && process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0) {
  const script = `ip link set lo up && exec "${process.execPath}" --import tsx ${JSON.stringify(process.argv[1])} ${process.argv.slice(2).join(' ')}`;
  const result = spawnSync('unshare', ['-n', '--', 'sh', '-c', script], { stdio: 'inherit', env: { ...process.env, CODECRAFTER_NETNS: '1' } });
  process.exit(result.status ?? 1);
}
if (!existsSync(path.join(REPO_ROOT, 'dist/cli.mjs')) || !existsSync(path.join(REPO_ROOT, 'dist/renderer/index.html'))) {
  console.error('room bench: build first (npm run build)');
  process.exit(2);
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const loads: Record<string, string> = {};

// ---- browser-side code, passed as source text (our CSP forbids page.waitForFunction's eval) ------

/**
 * Watches a guest's join: the click on "Join room" starts the clock; then, as soon as each shows:
 * the room's people in the status bar, the Explorer row `treePath`, and `firstFile`'s whole text
 * in the doc. The watcher opens the Explorer right after the click, as a guest would.
 */
const WATCH_JOIN = `(([treePath, firstFile, firstLength]) => {
  const P = window.__codecrafterProbe;
  const now = () => performance.timeOrigin + performance.now();
  const marks = {};
  window.__joinMarks = marks;
  const onClick = (event) => {
    const button = event.target.closest && event.target.closest('button');
    if (!button || button.textContent.trim() !== 'Join room' || marks.click) return;
    marks.click = now();
    setTimeout(() => document.querySelector('nav[aria-label="Views"] button[aria-label="Explorer"]').click(), 0);
  };
  document.addEventListener('click', onClick, true);
  const check = () => {
    if (!marks.click) return;
    if (!marks.peer && /[2-9]\\d* people connected/.test(document.querySelector('[aria-label="Room state"]')?.textContent ?? '')) marks.peer = now();
    if (!marks.tree && document.querySelector('[role="tree"][aria-label="Files"] [data-path="' + treePath + '"]')) marks.tree = now();
    if (!marks.doc && P.docText(firstFile)?.length === firstLength) marks.doc = now();
    if (marks.peer && marks.tree && marks.doc) stop();
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  const timer = setInterval(check, 5);
  const stop = () => { observer.disconnect(); clearInterval(timer); document.removeEventListener('click', onClick, true); };
  window.__joinStop = stop;
})`;

/** From the click on the Explorer row `file` until the editor holds its whole text. */
const WATCH_OPEN = `(([file, length]) => {
  const P = window.__codecrafterProbe;
  const now = () => performance.timeOrigin + performance.now();
  const marks = {};
  window.__openMarks = marks;
  const onClick = (event) => {
    const row = event.target.closest && event.target.closest('[data-path]');
    if (row && row.getAttribute('data-path') === file && !marks.click) marks.click = now();
  };
  document.addEventListener('click', onClick, true);
  const check = () => {
    if (marks.click && !marks.text && P.editorText()?.length === length) {
      marks.text = now();
      observer.disconnect(); clearInterval(timer); document.removeEventListener('click', onClick, true);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  const timer = setInterval(check, 5);
})`;

/**
 * Every letter that reaches this page's Monaco model, with when it arrived (per letter, in order);
 * and, to see where the page's time goes, how many content events and editor repaints (mutation
 * batches of the editor's lines) it had, and the provider's count of peers' updates and the
 * transactions they took (absent before the provider batched them).
 */
const RECEIVE = `(() => {
  const P = window.__codecrafterProbe;
  const model = P.editor().getModel();
  const arrivals = {};
  window.__arrivals = arrivals;
  const work = { contentEvents: 0, repaints: 0 };
  window.__receiver = model.onDidChangeContent((event) => {
    const t = performance.timeOrigin + performance.now();
    work.contentEvents++;
    for (const change of event.changes) for (const ch of change.text) (arrivals[ch] ??= []).push(t);
  });
  new MutationObserver(() => work.repaints++).observe(document.querySelector('.monaco-editor .view-lines'), { subtree: true, childList: true, characterData: true, attributes: true });
  window.__workCounts = () => ({ ...work, peerUpdates: P.stats()?.peerUpdates, peerBatches: P.stats()?.peerBatches });
})()`;

/** Types `letter` at the end of line `line`, `count` times, one key every `gap` ms from `start` (epoch ms). */
const TYPE = `async ([letter, line, count, gap, start]) => {
  const P = window.__codecrafterProbe; const ed = P.editor(); const model = ed.getModel();
  ed.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) });
  const sent = [];
  for (let i = 0; i < count; i++) {
    const due = start + i * gap;
    const wait = due - (performance.timeOrigin + performance.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = performance.timeOrigin + performance.now();
    ed.trigger('bench', 'type', { text: letter });
    sent.push(t);
  }
  return sent;
}`;

// ---- helpers ---------------------------------------------------------------------------------------


interface Person {
  name: string;
  host: RunningHost;
  page: Page;
  data: { cleanup(): void };
  /** Page errors and the room's warnings (a dropped peer, a refused message) seen on this page. */
  log: string[];
}

async function openPerson(browser: Browser, name: string): Promise<Person> {
  const data = tempDir('cc-bench-room-');
  // No Docker in this bench: opening a folder would warm sandboxes for its languages.
  const host = await startHost(data.dir, { CODECRAFTER_SANDBOX_WARM: 'none', DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
  const context = await browser.newContext({ permissions: ['microphone'], viewport: { width: 1100, height: 700 } });
  const page = await context.newPage();
  const log: string[] = [];
  page.on('pageerror', (e) => log.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if ((m.type() === 'warning' || m.type() === 'error') && /room|peer|channel|sync/i.test(m.text())) log.push(`${m.type()}: ${m.text().slice(0, 300)}`);
  });
  await page.goto(`${host.url}&probe=1`);
  await page.getByRole('heading', { name: 'CodeCrafter' }).waitFor();
  await showView(page, 'Collaboration');
  const field = page.getByRole('region', { name: 'Collaboration' }).getByLabel('Your name');
  await field.fill(name);
  await field.press('Enter');
  return { name, host, page, data, log };
}

async function showView(page: Page, name: 'Explorer' | 'Collaboration'): Promise<void> {
  const button = page.locator(`nav[aria-label="Views"] button[aria-label="${name}"]`);
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
}

/** The host opens `dir` and shares it (anyone with the invite joins as an editor); returns the invite and how long Share took. */
async function share(page: Page, dir: string): Promise<{ invite: string; shareMs: number }> {
  await page.getByLabel('Folder path on this machine').fill(dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await showView(page, 'Explorer');
  await page.getByRole('tree', { name: 'Files' }).locator('[data-path]').first().waitFor({ timeout: 60_000 });
  await showView(page, 'Collaboration');
  await page.getByRole('region', { name: 'Collaboration' }).getByLabel('Who may join').selectOption('editor');
  await page.getByRole('button', { name: 'Share workspace' }).click();
  const started = Date.now();
  await page.getByRole('alertdialog', { name: 'Who can reach this room?' }).getByRole('button', { name: 'This machine only' }).click();
  const field = page.getByLabel('Invite link', { exact: true });
  await field.waitFor({ timeout: TIMEOUT_MS });
  await poll(async () => /^codecrafter:\/\/join\//.test(await field.inputValue()), 'the invite', TIMEOUT_MS);
  return { invite: await field.inputValue(), shareMs: Date.now() - started };
}

/** The host ends the room and closes the folder (back to the welcome page, where the next folder opens). */
async function stopSharing(page: Page): Promise<void> {
  await showView(page, 'Collaboration');
  await page.getByRole('button', { name: 'Stop sharing' }).click();
  await page.getByRole('button', { name: 'Share workspace' }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+Shift+P');
  const input = page.getByPlaceholder('Type a command');
  await poll(() => input.evaluate((el) => el === document.activeElement), 'the command palette', 10_000);
  await input.fill('File: Close Folder');
  await input.press('Enter');
  await page.getByLabel('Folder path on this machine').waitFor({ timeout: 30_000 });
}

async function leave(page: Page): Promise<void> {
  await page.evaluate('window.__joinStop?.()');
  await showView(page, 'Collaboration');
  await page.getByRole('button', { name: 'Leave room' }).click();
  await page.getByRole('button', { name: 'Join room' }).waitFor({ timeout: 30_000 });
}

interface JoinTimes {
  /** Click on Join until the status bar counts the host (signalling, ICE, DTLS, signed handshake). */
  peerMs: number | null;
  /** Click on Join until the Explorer shows the folder's first row. */
  treeMs: number | null;
  /** Click on Join until the first file's whole text is in the guest's doc. */
  docMs: number | null;
  /** Click on the first file's row until its whole text is in the guest's editor. */
  firstFileMs: number | null;
  /** What went wrong, if the folder did not arrive. */
  failure?: string;
}

async function join(page: Page, invite: string, folder: { treePath: string; firstFile: string; firstText: string }, timeoutMs: number): Promise<JoinTimes> {
  await showView(page, 'Collaboration');
  await page.getByRole('region', { name: 'Collaboration' }).getByLabel('Invite link').fill(invite);
  await page.evaluate(`(${WATCH_JOIN})(${JSON.stringify([folder.treePath, folder.firstFile, folder.firstText.length])})`);
  await page.getByRole('button', { name: 'Join room' }).click();
  type Marks = { click?: number; peer?: number; tree?: number; doc?: number };
  const marks = () => page.evaluate('window.__joinMarks') as Promise<Marks>;
  const since = (m: Marks, key: 'peer' | 'tree' | 'doc') => (m[key] && m.click ? m[key]! - m.click : null);
  let failure: string | undefined;
  let firstFileMs: number | null = null;
  let step = 'waiting for the Explorer tree';
  try {
    await poll(async () => (await marks()).tree, 'the Explorer tree', timeoutMs);
    // As soon as the tree shows, the guest opens the first file.
    step = `clicking ${folder.firstFile} in the tree`;
    await page.evaluate(`(${WATCH_OPEN})(${JSON.stringify([folder.firstFile, folder.firstText.length])})`);
    await page.getByRole('tree', { name: 'Files' }).locator(`[data-path="${folder.firstFile}"]`).click();
    step = `waiting for ${folder.firstFile} in the editor`;
    const open = await poll(async () => {
      const m = (await page.evaluate('window.__openMarks')) as { click?: number; text?: number };
      return m.text && m.click ? m : null;
    }, 'the first file in the editor', timeoutMs);
    firstFileMs = open.text! - open.click!;
    await poll(async () => (await marks()).doc, 'the first file in the doc', timeoutMs);
  } catch (error) {
    failure = `${step}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
  }
  const m = await marks();
  return { peerMs: since(m, 'peer'), treeMs: since(m, 'tree'), docMs: since(m, 'doc'), firstFileMs, ...(failure ? { failure } : {}) };
}

/** Starts the page's V8 profiler; the returned function stops it and writes the .cpuprofile. */
async function startProfile(page: Page, what: string): Promise<() => Promise<string>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = await session.send('Profiler.stop');
    const dir = path.join(os.tmpdir(), 'cc-room-profiles');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `room-${what}-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    await session.detach();
    return file;
  };
}

const round = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v));
const median = (xs: Array<number | null>) => {
  const ok = xs.filter((x): x is number => x !== null);
  return ok.length === xs.length && ok.length > 0 ? percentile(ok, 50) : null;
};

// ---- the parts -------------------------------------------------------------------------------------

/**
 * `times` joins, each into a new room that shares a fresh copy of `source`: neither side's session
 * history knows the room or the folder, so nothing comes from a local log instead of the network
 * (a guest rejoining a room it has a log of sees the files at once, from that log).
 */
async function freshJoins(host: Person, guest: Person, source: string, label: string, times: number) {
  loads[label] = load();
  const firstText = readFileSync(path.join(source, 'README.md'), 'utf8');
  const shares: number[] = [];
  const joins: JoinTimes[] = [];
  for (let i = 0; i < times; i++) {
    const base = mkdtempSync(path.join(os.tmpdir(), 'cc-bench-room-copy-'));
    const dir = path.join(base, path.basename(source));
    cpSync(source, dir, { recursive: true });
    try {
      const { invite, shareMs } = await share(host.page, dir);
      shares.push(shareMs);
      const profile = values.profile === 'big' && label === 'big' && i === 0 ? await startProfile(guest.page, 'big-join') : null;
      const result = await join(guest.page, invite, { treePath: 'README.md', firstFile: 'README.md', firstText }, TIMEOUT_MS);
      console.log(`  ${label} ${i + 1}: shared in ${shareMs} ms;`, JSON.stringify(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v) : v]))));
      joins.push(result);
      if (profile) console.log(`  guest profile: ${await profile()}`);
      await leave(guest.page);
      await stopSharing(host.page);
      if (result.failure) break;
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }
  return { shares, joins };
}

interface WorkCounts {
  contentEvents: number;
  repaints: number;
  peerUpdates?: number;
  peerBatches?: number;
}

/**
 * CPU time so far (Linux /proc): Chromium's renderer processes together, and the whole machine
 * (busy and all jiffies). Two snapshots give how much of the machine the pages took while typing.
 */
function cpuSnapshot(): { renderers: number; busy: number; total: number } | null {
  if (process.platform !== 'linux') return null;
  let renderers = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer') || cmdline.includes('--top-chrome-webui')) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      renderers += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended between the listing and the read
    }
  }
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3]! + cpu[4]!;
  const total = cpu.reduce((a, b) => a + b, 0);
  return { renderers, busy: total - idle, total };
}

/** Cores used between two snapshots: by the pages' renderers together, and by everything. */
function coresBetween(a: ReturnType<typeof cpuSnapshot>, b: ReturnType<typeof cpuSnapshot>, seconds: number, cores = os.cpus().length) {
  if (!a || !b || seconds <= 0) return null;
  const tick = 100; // USER_HZ on Linux
  return {
    renderers: Number(((b.renderers - a.renderers) / tick / seconds).toFixed(2)),
    machine: Number((((b.busy - a.busy) / (b.total - a.total)) * cores).toFixed(2)),
  };
}

interface Typist {
  name: string;
  child: ChildProcess;
  state: { role: string; peers: number; files: string[] };
  errors: string[];
  on(listener: (m: { ev: string } & Record<string, unknown>) => void): () => void;
}

/** A typist in a Node process of its own (typist-peer.ts), joined to the room of `invite`. */
async function startTypist(invite: string, name: string): Promise<Typist> {
  const child = fork(path.join(import.meta.dirname, 'typist-peer.ts'), [invite, name], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const listeners = new Set<(m: { ev: string } & Record<string, unknown>) => void>();
  const typist: Typist = {
    name,
    child,
    state: { role: 'knocking', peers: 0, files: [] },
    errors: [],
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  child.on('message', (m: { ev: string } & Record<string, unknown>) => {
    if (m.ev === 'state') typist.state = m as unknown as Typist['state'];
    if (m.ev === 'error') typist.errors.push(String(m.message));
    for (const l of [...listeners]) l(m);
  });
  await new Promise<void>((resolve, reject) => {
    const off = typist.on((m) => {
      if (m.ev !== 'ready') return;
      off();
      resolve();
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${typist.errors.join('; ')}`)));
  });
  return typist;
}

/**
 * Everyone in `people` (app pages) and `typists` (Node processes) joins one room that `people[0]`
 * shares, then each types its own letter at the end of its own line at RATE keys/s for SECONDS s.
 * Latencies are measured where a page receives: from the key applied in the sender (its Monaco,
 * or the typist's Y.Text) to the letter in the receiver's Monaco.
 */
async function typing(people: Person[], dir: string, typistCount = 0) {
  const [host, ...guests] = people as [Person, ...Person[]];
  const everyone = people.length + typistCount;
  console.log(`room bench ${typistCount ? 'd' : 'c'}: ${everyone} people typing ${RATE} keys/s for ${SECONDS} s (${people.length} in app pages, ${typistCount} in Node)…`);
  const { invite } = await share(host.page, dir);
  for (const guest of guests) {
    await showView(guest.page, 'Collaboration');
    await guest.page.getByRole('region', { name: 'Collaboration' }).getByLabel('Invite link').fill(invite);
    await guest.page.getByRole('button', { name: 'Join room' }).click();
  }
  const typists: Typist[] = [];
  try {
    for (let i = 0; i < typistCount; i++) typists.push(await startTypist(invite, `Typist ${i + 1}`));
    for (const p of people) {
      await poll(async () => (await p.page.locator('[aria-label="Room state"]').textContent())?.includes(`${everyone} people connected`), `${p.name} to see everyone`, 120_000);
    }
    for (const t of typists) {
      await poll(async () => t.state.peers === everyone - 1 && t.state.files.includes('typing.txt'), `${t.name} to see everyone and the file`, 120_000);
    }
    for (const p of people) {
      await showView(p.page, 'Explorer');
      await p.page.getByRole('tree', { name: 'Files' }).locator('[data-path="typing.txt"]').click();
      await poll(async () => ((await p.page.evaluate('window.__codecrafterProbe.editorText()')) as string | null)?.startsWith('line 1'), `${p.name}'s editor`, 60_000);
      await p.page.evaluate(RECEIVE);
    }
    loads.c = load();
    const letters = 'qwxyzuv'.slice(0, everyone);
    const count = RATE * SECONDS;
    const gap = 1000 / RATE;
    const start = Date.now() + 1500;
    const profile = values.profile === 'typing' ? await startProfile(people[1]!.page, 'typing') : null;
    // The window, for matching against per-process CPU samples taken alongside.
    console.log(`  typing from ${new Date(start).toISOString()} (epoch ms ${start}) for ${SECONDS} s; load ${loads.c}`);
    const workBefore = (await Promise.all(people.map((p) => p.page.evaluate('window.__workCounts()')))) as WorkCounts[];
    // People do not type in step: each starts a fraction of a key's gap after the one before.
    const startOf = (i: number) => start + (i * gap) / everyone;
    const typed = typists.map(
      (t, i) =>
        new Promise<number[]>((resolve, reject) => {
          const off = t.on((m) => {
            if (m.ev === 'typed') {
              off();
              resolve(m.sent as number[]);
            } else if (m.ev === 'error') {
              off();
              reject(new Error(`${t.name}: ${String(m.message)}`));
            }
          });
          const s = people.length + i;
          t.child.send({ cmd: 'type', path: 'typing.txt', letter: letters[s], line: s + 1, count, gap, start: startOf(s) });
        }),
    );
    // CPU from the first key on (the snapshot waits for it).
    const cpuAtStart = new Promise<{ snapshot: ReturnType<typeof cpuSnapshot>; at: number }>((resolve) =>
      setTimeout(() => resolve({ snapshot: cpuSnapshot(), at: Date.now() }), Math.max(0, start - Date.now())),
    );
    const sent = (await Promise.all([
      ...people.map((p, i) => p.page.evaluate(`(${TYPE})(${JSON.stringify([letters[i], i + 1, count, gap, startOf(i)])})`)),
      ...typed,
    ])) as number[][];
    await Promise.all(
      people.map((p, r) =>
        poll(async () => {
          const arrivals = (await p.page.evaluate('window.__arrivals')) as Record<string, number[]>;
          return [...Array(everyone).keys()].every((s) => s === r || (arrivals[letters[s]!]?.length ?? 0) >= count);
        }, `every key at ${p.name}`, 120_000),
      ),
    );
    const cpuFrom = await cpuAtStart;
    const cpu = coresBetween(cpuFrom.snapshot, cpuSnapshot(), (Date.now() - cpuFrom.at) / 1000);
    const workAfter = (await Promise.all(people.map((p) => p.page.evaluate('window.__workCounts()')))) as WorkCounts[];
    if (profile) console.log(`  ${people[1]!.name}'s profile: ${await profile()}`);
    const sum = (pick: (w: WorkCounts) => number | undefined) => {
      let total = 0;
      for (const [i, w] of workAfter.entries()) {
        const a = pick(w);
        const b = pick(workBefore[i]!);
        if (a === undefined || b === undefined) return null;
        total += a - b;
      }
      return total;
    };
    const peerUpdates = sum((w) => w.peerUpdates);
    const peerBatches = sum((w) => w.peerBatches);
    const work = {
      rendererCoresPerPage: cpu ? Number((cpu.renderers / people.length).toFixed(2)) : null,
      machineCores: cpu?.machine ?? null,
      contentEventsPerPage: sum((w) => w.contentEvents)! / people.length,
      repaintsPerPagePerS: sum((w) => w.repaints)! / people.length / SECONDS,
      peerUpdatesPerTransaction: peerUpdates !== null && peerBatches ? peerUpdates / peerBatches : null,
    };
    console.log('  work per page:', JSON.stringify(work));
    const names = [...people.map((p) => p.name), ...typists.map((t) => t.name)];
    /** Monaco to Monaco: a page's key at another page. */
    const latencies: number[] = [];
    /** A Node typist's key at a page. */
    const fromNode: number[] = [];
    const perPair: Record<string, { p50: number; p99: number }> = {};
    for (const [r, p] of people.entries()) {
      const arrivals = (await p.page.evaluate('window.__arrivals')) as Record<string, number[]>;
      for (let s = 0; s < everyone; s++) {
        if (s === r) continue;
        const times = arrivals[letters[s]!]!.slice(0, count).map((t, n) => Math.max(0, t - sent[s]![n]!));
        (s < people.length ? latencies : fromNode).push(...times);
        perPair[`${names[s]}->${p.name}`] = { p50: round(percentile(times, 50))!, p99: round(percentile(times, 99))! };
      }
    }
    const texts = await Promise.all(people.map((p) => p.page.evaluate('window.__codecrafterProbe.editorText()')));
    for (const t of typists) {
      texts.push(
        await new Promise((resolve) => {
          const off = t.on((m) => {
            if (m.ev !== 'text') return;
            off();
            resolve(m.text);
          });
          t.child.send({ cmd: 'text', path: 'typing.txt' });
        }),
      );
    }
    const converged = texts.every((t) => t === texts[0]);
    return { latencies, fromNode, perPair, converged, keys: count * everyone, work, typistErrors: typists.flatMap((t) => t.errors) };
  } finally {
    await Promise.all(typists.map((t) => stopChildPeer(t.child)));
  }
}

// ---- main ------------------------------------------------------------------------------------------

/**
 * The table's rows come in sections that can run apart (`--only typing` runs c and d alone): a and b
 * (joins and folders, two people), c (everyone typing in app pages) and d (typing, three in Node). Each keeps when, on which commit and at
 * which load it ran, so the table can show a c from today beside an a and b from an earlier run.
 */
interface Section {
  when: string;
  commit: string;
  loads: Record<string, string>;
  rows: BenchRow[];
  notes: string[];
  extra: Record<string, unknown>;
}
type SectionName = 'joins' | 'typing' | 'typingNode';
interface Kept {
  label?: string;
  commit?: string;
  when: string;
  rows: BenchRow[];
  notes: string[];
  sections?: Partial<Record<SectionName, Section>>;
  extra?: { sections?: Partial<Record<SectionName, Section>> };
}

const commitNow = () => spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();

/**
 * Sections of a result written before they existed (one run, one list of notes): its a and b rows
 * and their notes form the joins section; its c row is left out (it ran with the other rows' code).
 */
function sectionsOf(kept: Kept, file: string): Partial<Record<SectionName, Section>> {
  const sections = kept.sections ?? kept.extra?.sections;
  if (sections) return sections;
  const recordedIn = spawnSync('git', ['log', '-1', '--format=%h', '--', file], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
  return {
    joins: {
      when: kept.when,
      commit: kept.commit ?? `before ${recordedIn || 'unknown'}`,
      loads: {},
      rows: kept.rows.filter((r) => /^[ab]\./.test(r.name)),
      notes: kept.notes.filter((n) => !/^(c:|"|Browser hosts)/.test(n)).map((n) => (n.startsWith('Load average') ? `a and b: ${n}` : n)),
      extra: {},
    },
  };
}

function readKept(file: string): Kept | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Kept) : null;
}

async function runJoins(host: Person, guest: Person, small: string, base: string, big: string, totalBytes: { base: number; big: number }): Promise<Section> {
  console.log(`room bench a: ${JOINS} joins of a small room…`);
  const handshake = (await freshJoins(host, guest, small, 'a', JOINS)).joins;
  console.log(`room bench b: ${BASE.files} files / ${values['base-mb']} MB and ${BIG.files} files / ${values['big-mb']} MB, ${BIG_JOINS} joins each…`);
  const baseline = await freshJoins(host, guest, base, 'baseline', BIG_JOINS);
  const large = await freshJoins(host, guest, big, 'big', BIG_JOINS);
  loads.joinsEnd = load();
  const ms = (xs: Array<number | null>, p: number) => {
    const ok = xs.filter((x): x is number => x !== null);
    return ok.length ? round(percentile(ok, p)) : null;
  };
  const handshakeDoc = handshake.map((j) => j.docMs);
  const handshakePeer = handshake.map((j) => j.peerMs);
  const folderRow = (name: string, result: Awaited<ReturnType<typeof freshJoins>>): BenchRow => {
    const tree = median(result.joins.map((j) => j.treeMs));
    const first = median(result.joins.map((j) => j.firstFileMs));
    return {
      name,
      values: {
        'joins': result.joins.length,
        'host share ms (p50)': round(percentile(result.shares, 50))!,
        'to peer ms (p50)': ms(result.joins.map((j) => j.peerMs), 50) ?? 'never',
        'to tree ms (p50)': tree === null ? 'never' : round(tree)!,
        'to tree ms (max)': ms(result.joins.map((j) => j.treeMs), 100) ?? 'never',
        'first file ms (p50)': first === null ? 'never' : round(first)!,
        'first file ms (max)': ms(result.joins.map((j) => j.firstFileMs), 100) ?? 'never',
      },
    };
  };
  const bigTree = median(large.joins.map((j) => j.treeMs));
  const baseTree = median(baseline.joins.map((j) => j.treeMs));
  const bigFirst = median(large.joins.map((j) => j.firstFileMs));
  const baseFirst = median(baseline.joins.map((j) => j.firstFileMs));
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? Number((a / b).toFixed(2)) : 'n/a');
  const rows: BenchRow[] = [
    {
      name: `a. handshake to first synced document (small room, ${JOINS} joins)`,
      values: {
        'joins': JOINS,
        'to peer ms (p50)': ms(handshakePeer, 50) ?? 'never',
        'to first doc ms (p50)': ms(handshakeDoc, 50) ?? 'never',
        'to first doc ms (p95)': ms(handshakeDoc, 95) ?? 'never',
        'to first doc ms (max)': ms(handshakeDoc, 100) ?? 'never',
      },
    },
    folderRow(`b. baseline folder, ${BASE.files} files / ${values['base-mb']} MB`, baseline),
    folderRow(`b. big folder, ${BIG.files} files / ${values['big-mb']} MB`, large),
    {
      name: `b. big / baseline`,
      values: { 'to tree ms (p50)': ratio(bigTree, baseTree), 'first file ms (p50)': ratio(bigFirst, baseFirst) },
    },
  ];
  const failures = [...baseline.joins, ...large.joins].flatMap((j) => (j.failure ? [j.failure] : []));
  const notes = [
    `Seeded folders (seed ${SEED}): many small source files in nested folders and ${Math.max(1, Math.round(BIG.files / 200))} large ones (about half the bytes, each under the 2 MiB per-file share cap).`,
    'Every join is into a new room sharing a fresh copy of its folder, so neither side has a session log of it (a guest rejoining a room it has a log of sees the files at once, from that log).',
    'a: from the click on Join room until a shared file’s whole text is in the guest’s doc (the doc syncs after the signed handshake); "to peer" is until the status bar counts the host. The sample folder, 4 small files (a room shares a folder of up to 200 files / 1 MiB whole).',
    `b: "to tree" from the click on Join until the Explorer shows the folder (the watcher opens the Explorer right after the click); "first file" from the click on README.md (made as soon as the tree shows) until its whole text is in the guest's editor. Goals: tree <= ${GOAL.treeMs} ms: ${verdict(bigTree, GOAL.treeMs)} (${bigTree === null ? 'never' : round(bigTree)} ms); first file <= ${GOAL.firstFileMs} ms: ${verdict(bigFirst, GOAL.firstFileMs)} (${bigFirst === null ? 'never' : round(bigFirst)} ms).`,
    `a and b: load average (1/5/15 min) at start ${loads.start}, before a ${loads.a}, baseline ${loads.baseline}, big ${loads.big}, end ${loads.joinsEnd}.`,
    ...(failures.length ? [`Failures: ${failures.map((f) => f.split('\n')[0]).join('; ')}`] : []),
  ];
  return {
    when: new Date().toISOString(),
    commit: commitNow(),
    loads: { start: loads.start!, a: loads.a!, baseline: loads.baseline!, big: loads.big!, end: loads.joinsEnd },
    rows,
    notes,
    extra: { seed: SEED, big: { ...BIG, totalBytes: totalBytes.big }, baseline: { ...BASE, totalBytes: totalBytes.base }, handshakeJoins: handshake, baselineJoins: baseline, bigJoins: large },
  };
}

/** A typing row's values: Monaco-to-Monaco latency and the pages' work. */
function typingValues(typed: Awaited<ReturnType<typeof typing>>): BenchRow['values'] {
  return {
    'latency p50 ms': round(percentile(typed.latencies, 50))!,
    'latency p99 ms': round(percentile(typed.latencies, 99))!,
    'latency max ms': round(Math.max(...typed.latencies))!,
    'samples': typed.latencies.length,
    'editor content events per page': round(typed.work.contentEventsPerPage)!,
    'editor repaints per page per s': Number(typed.work.repaintsPerPagePerS.toFixed(1)),
    'cores per page': typed.work.rendererCoresPerPage ?? 'n/a',
    'machine cores busy': typed.work.machineCores ?? 'n/a',
    'peer updates per transaction': typed.work.peerUpdatesPerTransaction === null ? 'n/a' : Number(typed.work.peerUpdatesPerTransaction.toFixed(2)),
  };
}

async function runTyping(people: Person[], dir: string): Promise<Section> {
  const typed = await typing(people, dir);
  loads.typingEnd = load();
  const p99 = round(percentile(typed.latencies, 99));
  return {
    when: new Date().toISOString(),
    commit: commitNow(),
    loads: { before: loads.c!, end: loads.typingEnd },
    rows: [
      {
        name: `c. ${people.length} people typing ${RATE} keys/s each for ${SECONDS} s, Monaco to Monaco`,
        values: typingValues(typed),
      },
    ],
    notes: [
      `c: each person types its own letter at the end of its own line on a steady ${1000 / RATE} ms beat (starts staggered by ${(1000 / RATE / people.length).toFixed(0)} ms); latency from the key applied in the sender's Monaco to the letter in each receiver's Monaco, over every (sender, receiver) pair; editors converged: ${typed.converged}. Goal p99 <= ${GOAL.typingP99Ms} ms: ${verdict(p99, GOAL.typingP99Ms)}. Load average (1/5/15 min) before typing ${loads.c}, after ${loads.typingEnd}.`,
      `c, the page's work while typing: Monaco content events on each page (one per remote edit applied, plus its own ${RATE * SECONDS} keys), mutation batches of the editor's lines per second (about one per repaint), and peers' updates per Yjs transaction ("n/a": that code applied each update alone).`,
      `c and d, CPU from the first key until every key arrived: "cores per page" is Chromium's renderer processes together (all their threads: script, raster, compositor, WebRTC) over the number of app pages; "machine cores busy" is everything on the machine, out of ${os.cpus().length}. c puts all ${people.length} people's pages and browser hosts on this one machine, so where the machine is near ${os.cpus().length} the latency is mostly the pages' wait for a core; d measures the same typing with a core to spare, as a person's own machine would give its page.`,
    ],
    extra: { perPair: typed.perPair, converged: typed.converged, keys: typed.keys, work: typed.work },
  };
}

/** Part d: two app pages and PEERS - 2 typists in Node processes, all typing; Monaco to Monaco between the pages. */
async function runTypingWithNodePeers(host: Person, guest: Person, dir: string): Promise<Section> {
  const typed = await typing([host, guest], dir, PEERS - 2);
  loads.typingNodeEnd = load();
  const p99 = round(percentile(typed.latencies, 99));
  const everyone = PEERS;
  return {
    when: new Date().toISOString(),
    commit: commitNow(),
    loads: { before: loads.c!, end: loads.typingNodeEnd },
    rows: [
      {
        name: `d. ${everyone} people typing ${RATE} keys/s each for ${SECONDS} s (2 in app pages, ${everyone - 2} in Node), Monaco to Monaco`,
        values: typingValues(typed),
      },
      {
        name: `d. the same typing, a Node typist's key to each page's Monaco`,
        values: {
          'latency p50 ms': round(percentile(typed.fromNode, 50))!,
          'latency p99 ms': round(percentile(typed.fromNode, 99))!,
          'latency max ms': round(Math.max(...typed.fromNode))!,
          'samples': typed.fromNode.length,
        },
      },
    ],
    notes: [
      `d: the same ${everyone} people and beat as c, on one room: the host's and one guest's app pages (browser hosts, Chromium), and ${everyone - 2} typists in Node processes of their own (test/bench/typist-peer.ts: the app's room transport over real WebRTC, @roamhq/wrtc; a cursor and a typing flag in presence; each key an insert at the end of its line). Each page receives and applies the same ${(everyone - 1) * RATE} remote keys/s as in c, and the machine keeps a core for it, as a person's own machine would. Monaco to Monaco is over the two pages' keys at each other; the Node row is each typist's key from its Y.Text to each page's Monaco. Editors converged: ${typed.converged}.${typed.typistErrors.length ? ` Typists said: ${typed.typistErrors.slice(0, 3).join('; ')}` : ''} Goal p99 <= ${GOAL.typingP99Ms} ms: ${verdict(p99, GOAL.typingP99Ms)}. Load average (1/5/15 min) before typing ${loads.c}, after ${loads.typingNodeEnd}.`,
    ],
    extra: { perPair: typed.perPair, converged: typed.converged, keys: typed.keys, work: typed.work },
  };
}

const verdict = (value: number | null, goal: number) => (value === null ? 'not reached (never arrived)' : value <= goal ? 'met' : 'missed');

/** Where a section's rows come from, for the notes under the table. */
const provenance = (what: string, section: Section) => `${what}: ran ${section.when.slice(0, 16)} on commit ${section.commit}.`;

async function main(): Promise<void> {
  if (values.only !== undefined && values.only !== 'typing') {
    console.error(`room bench: --only takes "typing" (parts c and d), not ${values.only}`);
    process.exit(2);
  }
  const typingOnly = values.only === 'typing';
  loads.start = load();
  console.log(`room bench: load average ${loads.start}${typingOnly ? '; parts c and d only' : `; generating folders (seed ${SEED})…`}`);
  const small = typingOnly ? null : copyFixture('sample-workspace');
  const typingDir = mkdtempSync(path.join(os.tmpdir(), 'cc-bench-typing-'));
  /** A folder of its own per typing part (each is a new room): one line per person. */
  const typingDirFor = (part: string) => {
    const dir = path.join(typingDir, part);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'typing.txt'), Array.from({ length: PEERS }, (_, i) => `line ${i + 1}: `).join('\n') + '\n');
    return dir;
  };
  const big = typingOnly ? null : generateFolder({ files: BIG.files, bytes: BIG.bytes, seed: SEED });
  const base = typingOnly ? null : generateFolder({ files: BASE.files, bytes: BASE.bytes, seed: SEED });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--allow-loopback-in-peer-connection', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
  });
  const people: Person[] = [];
  try {
    people.push(await openPerson(browser, 'Host'), await openPerson(browser, 'Guest'));
    const [host, guest] = people as [Person, Person];
    const fresh: Partial<Record<SectionName, Section>> = {};
    if (small && base && big) fresh.joins = await runJoins(host, guest, small.dir, base.dir, big.dir, { base: base.totalBytes, big: big.totalBytes });
    fresh.typingNode = await runTypingWithNodePeers(host, guest, typingDirFor('d'));
    await leave(guest.page);
    await stopSharing(host.page);
    for (let i = people.length; i < PEERS; i++) people.push(await openPerson(browser, `Peer ${i + 1}`));
    fresh.typing = await runTyping(people, typingDirFor('c'));
    loads.end = load();
    const said = people.filter((p) => p.log.length).map((p) => `${p.name}'s page said: ${p.log.slice(0, 3).join(' | ')}${p.log.length > 3 ? ` (+${p.log.length - 3} more)` : ''}`);
    for (const section of Object.values(fresh)) {
      section.notes.push(...said);
      for (const row of section.rows) console.log(row.name, row.values);
      for (const note of section.notes) console.log(`- ${note}`);
    }
    const results = path.join(REPO_ROOT, 'bench-results');
    if (values.label) {
      // A labelled run of parts c and d alone keeps that label's a and b from before.
      const file = path.join(results, `room-${values.label}.json`);
      const sections = { ...(typingOnly ? sectionsOf(readKept(file) ?? { when: '', rows: [], notes: [] }, file) : {}), ...fresh };
      writeFileSync(file, JSON.stringify({ label: values.label, when: new Date().toISOString(), rows: [], notes: [], sections }, null, 2) + '\n');
      console.log(`room bench: kept as ${file}`);
      return;
    }
    const previous = typingOnly ? readKept(path.join(results, 'room.json')) : null;
    if (typingOnly && !previous) console.warn('room bench: no earlier bench-results/room.json, so the table has parts c and d only');
    const sections = { ...(previous ? sectionsOf(previous, path.join(results, 'room.json')) : {}), ...fresh };
    const rows: BenchRow[] = [];
    const notes = ['Browser hosts (one per person), one Chromium context each, WebRTC on loopback in a network namespace; Docker off for the hosts. Other jobs share this 2-core machine, so absolute times move with its load.'];
    for (const [name, section] of [['a and b', sections.joins], ['c', sections.typing], ['d', sections.typingNode]] as const) {
      if (!section) continue;
      rows.push(...section.rows);
      notes.push(...section.notes);
      if (typingOnly) notes.push(provenance(name, section));
    }
    for (const earlier of readdirSync(results).filter((f) => /^room-.+\.json$/.test(f))) {
      const kept = JSON.parse(readFileSync(path.join(results, earlier), 'utf8')) as Kept;
      const keptSections = sectionsOf(kept, path.join(results, earlier));
      for (const [name, section] of [['a and b', keptSections.joins], ['c', keptSections.typing], ['d', keptSections.typingNode]] as const) {
        if (!section) continue;
        rows.push(...section.rows.map((r) => ({ name: `${kept.label}: ${r.name}`, values: r.values })));
        const load = section.notes.find((n) => /load average/i.test(n)) ?? '';
        const failures = section.notes.find((n) => n.startsWith('Failures'))?.split('\n')[0];
        notes.push(`"${kept.label}" ${name} rows: the same bench on commit ${section.commit}, ${section.when.slice(0, 16)}. ${load}${failures ? ` ${failures}` : ''}`);
      }
    }
    writeReport({
      part: 'room',
      title: 'Rooms: joining, big folders, five people typing',
      notes,
      rows,
      extra: { goals: GOAL, sections },
    });
  } finally {
    await browser.close();
    for (const p of people) {
      await p.host.stop();
      p.data.cleanup();
    }
    small?.cleanup();
    big?.cleanup();
    base?.cleanup();
    rmSync(typingDir, { recursive: true, force: true });
  }
}

await main();
