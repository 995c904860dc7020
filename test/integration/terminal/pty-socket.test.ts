import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Contract } from '../../../common/contract';
import { decodePtySocketFrame, PTY_SOCKET_PATH, type PtySocketEvent } from '../../../common/pty-socket';
import { createClient, type ClientOf } from '../../../common/rpc';
import { createInMemoryTransport } from '../../../main/host/memory-transport';
import { createHostServices, type HostServices } from '../../../main/host/services';
import { startWebHost, type WebHost } from '../../../main/host/web-server';
import { FLOW_HIGH_WATERMARK_CHARS, OUTPUT_PIECE_CHARS } from '../../../main/terminal/pty-sessions';

// The browser host's terminal socket (issue 10 item 1) on a real loopback port, with a real pty
// host process and real shells: main checks the upgrade and hands the TCP connection to the pty
// host, which then owns it; output arrives on it, keystrokes and acknowledgements go through it,
// and a frame that is not a keystroke or an acknowledgement reaches no pty.

let dir: string;
let services: HostServices;
let host: WebHost;
let api: ClientOf<Contract>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cc-pty-socket-'));
  mkdirSync(path.join(dir, 'static'));
  mkdirSync(path.join(dir, 'project'));
  writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html><title>CodeCrafter</title>');
  services = createHostServices({ dataDir: path.join(dir, 'data'), host: 'web', sandboxWarm: [] });
  host = await startWebHost({ services, staticDir: path.join(dir, 'static'), host: '127.0.0.1', port: 0 });
  api = createClient(contract, createInMemoryTransport(services.dispatcher, services.hub));
  await api.workspace.open({ path: path.join(dir, 'project') });
});

afterAll(async () => {
  await host.close();
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** A page's terminal socket, with everything it received. */
interface PageSocket {
  ws: WebSocket;
  events: PtySocketEvent[];
  output(id: string): string;
  /** Characters of a terminal's output received so far. */
  chars(id: string): number;
  send(frame: unknown): void;
}

function openSocket(
  headers: Record<string, string> = { origin: `http://127.0.0.1:${host.port}` },
  query = `?token=${host.token}`,
  port = host.port,
): Promise<PageSocket | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${PTY_SOCKET_PATH}${query}`, { headers });
    const events: PtySocketEvent[] = [];
    ws.on('message', (data, isBinary) => {
      const event = isBinary ? undefined : decodePtySocketFrame(data.toString());
      if (!event) throw new Error(`a frame outside the protocol: ${data.toString().slice(0, 80)}`);
      events.push(event);
    });
    ws.on('open', () =>
      resolve({
        ws,
        events,
        output: (id) => events.flatMap((e) => (e.type === 'data' && e.id === id ? [e.data] : [])).join(''),
        chars: (id) => events.reduce((n, e) => n + (e.type === 'data' && e.id === id ? e.data.length : 0), 0),
        send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
      }),
    );
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    ws.on('error', reject);
  });
}

async function listeningSocket(on: WebHost = host): Promise<PageSocket> {
  const page = await openSocket({ origin: `http://127.0.0.1:${on.port}` }, `?token=${on.token}`, on.port);
  if (!('ws' in page)) throw new Error(`the terminal socket was refused: ${page.status} ${page.body}`);
  page.send({ type: 'listen' });
  await expect.poll(() => page.events.some((e) => e.type === 'listening'), { timeout: 20_000 }).toBe(true);
  return page;
}

/** The inode of the server side of a loopback connection whose client end has this local port. */
function serverSocketInode(clientPort: number): string | undefined {
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      // local_address, rem_address are "ADDR:PORT" in hex; the server's row has the client as remote.
      const remotePort = Number.parseInt(fields[2]!.split(':')[1]!, 16);
      const localPort = Number.parseInt(fields[1]!.split(':')[1]!, 16);
      if (remotePort === clientPort && localPort === host.port) return fields[9];
    }
  }
  return undefined;
}

function holdsSocket(pid: number, inode: string): boolean {
  const fds = `/proc/${pid}/fd`;
  return readdirSync(fds).some((fd) => {
    try {
      return readlinkSync(path.join(fds, fd)) === `socket:[${inode}]`;
    } catch {
      return false; // closed while we looked
    }
  });
}

describe('terminal socket of the browser host', () => {
  it('is refused without the token or from another origin, like every request', async () => {
    const noToken = await openSocket(undefined, '');
    expect(noToken).toMatchObject({ status: 401 });
    const foreign = await openSocket({ origin: 'http://evil.example' });
    expect(foreign).toMatchObject({ status: 403 });
  });

  it('is held by the pty host, not main, and carries a shell\'s output and keystrokes', async () => {
    const page = await listeningSocket();
    const inode = serverSocketInode((page.ws as unknown as { _socket: { localPort: number } })._socket.localPort);
    expect(inode, 'the connection is in /proc/net/tcp').toBeDefined();
    expect(holdsSocket(services.ptyHostPid()!, inode!), 'the pty host holds the connection').toBe(true);
    expect(holdsSocket(process.pid, inode!), 'main let go of it').toBe(false);

    const term = await api.terminal.create({ cols: 80, rows: 24 });
    page.send({ type: 'write', id: term.id, data: 'echo socket-$((6*7)) shell-$$\r' });
    await expect.poll(() => page.output(term.id), { timeout: 20_000 }).toMatch(/^socket-42 shell-\d+\r?$/m);
    // A shell started after the handoff did not inherit the connection (it could write to the page).
    const shellPid = Number(/^socket-42 shell-(\d+)\r?$/m.exec(page.output(term.id))![1]);
    expect(holdsSocket(shellPid, inode!), 'the shell holds no copy of the connection').toBe(false);
    page.send({ type: 'write', id: term.id, data: 'exit 3\r' });
    await expect.poll(() => page.events.find((e) => e.type === 'exit' && e.id === term.id), { timeout: 20_000 }).toEqual({ type: 'exit', id: term.id, exitCode: 3 });
    page.ws.close();
  });

  it('pauses a flood at the flow-control window until this socket acknowledges, then delivers all of it', async () => {
    const page = await listeningSocket();
    const term = await api.terminal.create({ cols: 80, rows: 24 });
    const total = 3_000_000;
    // 'Z' (octal 132) and "flood-2" appear in the output only, not in the echoed command line.
    page.send({ type: 'write', id: term.id, data: `head -c ${total} /dev/zero | tr '\\0' '\\132'; echo; echo flood-$((1+1))\r` });
    // Nothing is acknowledged yet: the pty host stops reading past the high mark (plus what a
    // read and a piece in flight can add), however long we wait.
    await expect.poll(() => page.chars(term.id), { timeout: 20_000 }).toBeGreaterThan(FLOW_HIGH_WATERMARK_CHARS / 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(page.chars(term.id)).toBeLessThanOrEqual(FLOW_HIGH_WATERMARK_CHARS + 2 * OUTPUT_PIECE_CHARS);
    // Acknowledge as the renderer does, and the rest arrives.
    let acked = 0;
    const acker = setInterval(() => {
      const chars = page.chars(term.id) - acked;
      if (chars > 0) page.send({ type: 'ack', id: term.id, chars });
      acked += chars;
    }, 20);
    try {
      await expect.poll(() => /^flood-2\r?$/m.test(page.output(term.id)), { timeout: 60_000 }).toBe(true);
    } finally {
      clearInterval(acker);
    }
    // The flood is one unbroken run (a prompt may hold a stray 'Z' in the folder's name).
    const runs = page.output(term.id).match(/Z{1000,}/g) ?? [];
    expect(runs.map((run) => run.length)).toEqual([total]);
    await api.terminal.kill({ id: term.id });
    page.ws.close();
  }, 120_000);

  it('gives a page that comes later (a reload) what a terminal printed, then its live output, nothing lost or repeated, and resumes a flood the old page left paused', async () => {
    const first = await listeningSocket();
    const term = await api.terminal.create({ cols: 80, rows: 24 });
    first.send({ type: 'write', id: term.id, data: 'echo before-$((2*3))\r' });
    await expect.poll(() => first.output(term.id), { timeout: 20_000 }).toMatch(/^before-6\r?$/m);
    // A flood the first page never acknowledges: the pty host pauses it at the window.
    const total = 1_000_000;
    first.send({ type: 'write', id: term.id, data: `head -c ${total} /dev/zero | tr '\\0' '\\132'; echo; echo after-$((3*3))\r` });
    await expect.poll(() => first.chars(term.id), { timeout: 20_000 }).toBeGreaterThan(FLOW_HIGH_WATERMARK_CHARS / 2);
    first.ws.close(); // the page reloads

    const second = await listeningSocket();
    second.send({ type: 'replay', id: term.id });
    const replayed = () => second.events.find((e): e is Extract<PtySocketEvent, { type: 'replay' }> => e.type === 'replay' && e.id === term.id);
    await expect.poll(() => replayed(), { timeout: 20_000 }).toBeDefined();
    const liveBefore = second.events.indexOf(replayed()!);
    const replay = replayed()!.data;
    expect(replay).toMatch(/^before-6\r?$/m);
    // Live output from the replay on, acknowledged as the renderer does: the flood goes on.
    const live = () => second.events.slice(liveBefore + 1).flatMap((e) => (e.type === 'data' && e.id === term.id ? [e.data] : [])).join('');
    let acked = 0;
    const acker = setInterval(() => {
      const chars = live().length - acked;
      if (chars > 0) second.send({ type: 'ack', id: term.id, chars });
      acked += chars;
    }, 20);
    try {
      await expect.poll(() => /^after-9\r?$/m.test(live()), { timeout: 60_000 }).toBe(true);
    } finally {
      clearInterval(acker);
    }
    // The replay and the live output join without a gap or a repeat: one run of every 'Z'.
    expect((replay + live()).match(/Z{1000,}/g)?.map((run) => run.length)).toEqual([total]);
    await api.terminal.kill({ id: term.id });
    second.ws.close();
  }, 120_000);

  it('refuses frames that are not keystrokes or acknowledgements, and they reach no pty', async () => {
    const page = await listeningSocket();
    const term = await api.terminal.create({ cols: 80, rows: 24 });
    const marker = path.join(dir, 'project', 'made-by-a-frame');
    const refusals = () => page.events.filter((e) => e.type === 'error').length;
    // What main's own wire accepts, but a page's socket must not: start a pty, kill one, resize.
    page.send({ type: 'create', requestId: 1, id: 't999', shell: '/bin/sh', args: ['-c', `touch ${marker}`], cwd: dir, env: {}, cols: 80, rows: 24 });
    page.send({ type: 'kill', id: term.id });
    page.send({ type: 'resize', id: term.id, cols: 10, rows: 10 });
    page.send({ type: 'write', id: '../t1', data: 'x' });
    page.send({ type: 'ack', id: term.id, chars: -5 });
    page.send('not json');
    page.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await expect.poll(refusals, { timeout: 20_000 }).toBe(7);
    expect(page.events.filter((e) => e.type === 'error').map((e) => (e as { message: string }).message)).toEqual([
      ...Array.from({ length: 5 }, () => expect.stringMatching(/did not match the terminal protocol/)),
      expect.stringMatching(/not valid JSON/),
      expect.stringMatching(/binary frames/),
    ]);
    // The socket still works, the shell was neither killed nor resized, and nothing was started.
    page.send({ type: 'write', id: term.id, data: `echo size-$(stty size | tr ' ' x); test -e ${marker} && echo made || echo none-$((1+1))\r` });
    await expect.poll(() => page.output(term.id), { timeout: 20_000 }).toMatch(/^none-2\r?$/m);
    expect(page.output(term.id)).toMatch(/^size-24x80\r?$/m);
    expect(existsSync(marker)).toBe(false);
    await api.terminal.kill({ id: term.id });
    page.ws.close();
  });

  it('closes when the pty host dies, and a new socket reaches the restarted pty host', async () => {
    const page = await listeningSocket();
    const closed = new Promise<void>((resolve) => page.ws.once('close', () => resolve()));
    // Restart only once main says the pty host is gone, as the terminal's Restart button does.
    const hostGone = new Promise<void>((resolve) => {
      const off = api.terminal.onDidHostExit(() => (off(), resolve()));
    });
    process.kill(services.ptyHostPid()!, 'SIGKILL');
    await closed;
    await hostGone;
    await api.terminal.restartHost();
    const next = await listeningSocket();
    const term = await api.terminal.create({ cols: 80, rows: 24 });
    next.send({ type: 'write', id: term.id, data: 'echo again-$((2+2))\r' });
    await expect.poll(() => next.output(term.id), { timeout: 20_000 }).toMatch(/^again-4\r?$/m);
    await api.terminal.kill({ id: term.id });
    next.ws.close();
  }, 120_000);

  it('lets the browser host stop while a page still holds a terminal socket, and closes that socket', async () => {
    // Node's server.close() waits for connections handed to a child process until the child
    // closes them: the pty host is told to, so stopping the app does not wait for its pages.
    const other = await startWebHost({ services, staticDir: path.join(dir, 'static'), host: '127.0.0.1', port: 0 });
    const page = await listeningSocket(other);
    const closed = new Promise<void>((resolve) => page.ws.once('close', () => resolve()));
    await other.close();
    await closed;
    // The pty host itself is still there for the other server's pages.
    const next = await listeningSocket();
    next.ws.close();
  }, 60_000);
});
