// Hostile programs against the real dockerd: each must end with the right verdict, leave the
// host untouched, and leave no container behind once the service is disposed.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxService } from '../../../main/sandbox/service';
import { containersOf, one, runToEnd, startService } from './helpers';
import { PROGRAMS } from './programs';

let service: SandboxService;
const secret = randomBytes(16).toString('hex');
const secretPath = `/tmp/cc-host-secret-${secret.slice(0, 8)}`;

beforeAll(async () => {
  writeFileSync(secretPath, secret);
  service = await startService({ warm: ['python', 'c', 'bash'], maxConcurrent: 3 });
});

afterAll(async () => {
  rmSync(secretPath, { force: true });
  await service?.dispose();
  if (service) expect(await containersOf(service)).toEqual([]);
});

describe.concurrent('abuse', () => {
  it('stops a fork bomb at the time limit (pids are capped)', async () => {
    const { result } = await runToEnd(
      service,
      one('c', 'main.c', '#include <unistd.h>\nint main(void) { for (;;) fork(); }\n', { limits: { timeMs: 2_000 } }),
    );
    expect(result.verdict, result.message).toBe('time-limit');
  });

  it('reports memory-limit when a child process is OOM-killed', async () => {
    const program = [
      'import subprocess, sys',
      'child = subprocess.run([sys.executable, "-c", "a = []\\nwhile True: a.append(bytearray(8 << 20))"])',
      'print("child returned", child.returncode)',
    ].join('\n');
    const { result, stdout } = await runToEnd(service, one('python', 'main.py', program, { limits: { memoryMb: 64 } }));
    expect(result.verdict, result.message).toBe('memory-limit');
    expect(stdout).toContain('child returned -9');
  });

  it('reports memory-limit for the main process too', async () => {
    const { result } = await runToEnd(service, one('python', 'main.py', 'a = []\nwhile True: a.append(bytearray(8 << 20))\n', { limits: { memoryMb: 64 } }));
    expect(result.verdict, result.message).toBe('memory-limit');
  });

  it('stops an infinite loop at the time limit', async () => {
    const { result } = await runToEnd(service, one('python', 'main.py', 'while True:\n    pass\n', { limits: { timeMs: 1_000 } }));
    expect(result.verdict, result.message).toBe('time-limit');
    expect(result.cpuMs).toBeGreaterThan(0);
  });

  it('stops a program that sleeps past the time limit', async () => {
    const { result } = await runToEnd(service, one('bash', 'main.sh', 'sleep 60\n', { limits: { timeMs: 500 } }));
    expect(result.verdict, result.message).toBe('time-limit');
  });

  it('ends the run when main exits, killing background children that outlive it', async () => {
    const program = ['(sleep 20; echo late) &', 'setsid sh -c "sleep 20; echo late-daemon" &', 'nohup sh -c "sleep 20; echo late-nohup" >/dev/null 2>&1 &', 'echo main done'].join('\n');
    const { result, stdout } = await runToEnd(service, one('bash', 'main.sh', program, { limits: { timeMs: 10_000 } }));
    expect(result.verdict, result.message).toBe('ok');
    expect(stdout).toBe('main done\n');
  });

  it('stops 100 MB of output at the output limit, keeping only the allowed bytes', async () => {
    const program = 'import sys\nchunk = "x" * 65535 + "\\n"\nfor _ in range(1600):\n    sys.stdout.write(chunk)\n';
    let streamed = 0;
    const handle = service.run(one('python', 'main.py', program, { limits: { outputBytes: 256 * 1024 } }), (e) => {
      if (e.type === 'output') streamed += e.data.length;
    });
    const result = await handle.result;
    expect(result.verdict, result.message).toBe('output-limit');
    expect(streamed).toBeLessThanOrEqual(256 * 1024);
    expect(streamed).toBeGreaterThan(0);
  });

  it('fills the work tmpfs without harm: the program sees ENOSPC', async () => {
    const program = [
      'import errno',
      'try:',
      '    with open("big", "wb") as f:',
      '        for _ in range(1000):',
      '            f.write(b"\\0" * (1 << 20))',
      '            f.flush()',
      'except OSError as e:',
      '    print(errno.errorcode[e.errno])',
    ].join('\n');
    const { result, stdout } = await runToEnd(service, one('python', 'main.py', program));
    expect(result.verdict, result.message).toBe('ok');
    expect(stdout.trim()).toBe('ENOSPC');
  });

  it('has no network', async () => {
    const program = [
      'import socket',
      'for host, port in [("1.1.1.1", 53), ("8.8.8.8", 443)]:',
      '    try:',
      '        socket.create_connection((host, port), timeout=2)',
      '        print("connected")',
      '    except OSError as e:',
      '        print("blocked")',
      'try:',
      '    socket.getaddrinfo("example.com", 80)',
      '    print("resolved")',
      'except OSError:',
      '    print("no dns")',
      'print(sorted(__import__("os").listdir("/sys/class/net")))',
    ].join('\n');
    const { result, stdout } = await runToEnd(service, one('python', 'main.py', program));
    expect(result.verdict, result.message).toBe('ok');
    expect(stdout).toBe("blocked\nblocked\nno dns\n['lo']\n");
  });

  it('cannot write to the root filesystem', async () => {
    const program = ['for f in /evil /usr/bin/evil /etc/passwd; do', '  if echo x >> "$f" 2>/dev/null; then echo "wrote $f"; else echo "denied $f"; fi', 'done'].join('\n');
    const { result, stdout } = await runToEnd(service, one('bash', 'main.sh', program));
    expect(result.verdict, result.message).toBe('ok');
    expect(stdout).toBe('denied /evil\ndenied /usr/bin/evil\ndenied /etc/passwd\n');
  });

  it('runs without root, capabilities or a way to gain them', async () => {
    const program = [
      'import os',
      'print("uid", os.getuid(), os.geteuid())',
      'for attempt in (lambda: os.setuid(0), lambda: os.setgid(0), lambda: os.chroot("/tmp"), lambda: os.mknod("/tmp/dev", 0o600 | 0o20000, os.makedev(1, 3))):',
      '    try:',
      '        attempt()',
      '        print("allowed")',
      '    except PermissionError:',
      '        print("denied")',
      'status = open("/proc/self/status").read()',
      'for key in ("CapEff", "CapPrm", "CapBnd", "NoNewPrivs"):',
      '    print([l for l in status.splitlines() if l.startswith(key + ":")][0].split()[1])',
    ].join('\n');
    const { result, stdout } = await runToEnd(service, one('python', 'main.py', program));
    expect(result.verdict, result.message).toBe('ok');
    expect(stdout).toBe('uid 1000 1000\ndenied\ndenied\ndenied\ndenied\n0000000000000000\n0000000000000000\n0000000000000000\n1\n');
  });

  it('cannot read host data through /proc or symlinks', async () => {
    const program = [
      `secret=${secretPath}`,
      'ln -s "$secret" link 2>/dev/null',
      'for f in link "$secret" /proc/1/root$secret /proc/self/root$secret /proc/kcore /proc/sched_debug /proc/timer_list; do',
      '  head -c 64 "$f" 2>/dev/null | od -c | head -2',
      'done',
      'ls /proc/*/root/tmp 2>/dev/null',
      'cat /sys/firmware/* 2>/dev/null',
      'echo checked',
    ].join('\n');
    const { result, stdout, stderr } = await runToEnd(service, one('bash', 'main.sh', program));
    expect(result.verdict, `${result.message}\n${stdout}\n${stderr}`).toBe('ok');
    expect(stdout).toContain('checked');
    expect(stdout).not.toContain(secret.slice(0, 4));
    expect(stdout).not.toContain('cc-host-secret');
  });

  it('survives huge argv and environment (E2BIG), and a large stdin arrives whole', async () => {
    const program = [
      'import hashlib, os, subprocess, sys',
      'data = sys.stdin.buffer.read()',
      'print(len(data), hashlib.sha256(data).hexdigest())',
      'for args, env in [(["/bin/true"] + ["x" * 100000] * 100, None), (["/bin/true"], {"BIG": "y" * (64 << 20)})]:',
      '    try:',
      '        subprocess.run(args, env=env)',
      '        print("ran")',
      '    except OSError as e:',
      '        print("refused", e.errno)',
    ].join('\n');
    const stdin = 'abcdefghij'.repeat(500_000);
    // What is checked is E2BIG and a whole stdin, not speed: a busy 2-core machine took over 5 s
    // (the default limit) to copy 5 MB in and 64 MB of environment around.
    const { result, stdout } = await runToEnd(service, one('python', 'main.py', program, { stdin, limits: { timeMs: 20_000 } }));
    expect(result.verdict, result.message).toBe('ok');
    const { createHash } = await import('node:crypto');
    expect(stdout).toBe(`5000000 ${createHash('sha256').update(stdin).digest('hex')}\nrefused 7\nrefused 7\n`);
  });

  it('cancels a running program at once and says so', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const handle = service.run(one('python', 'main.py', 'import time\nprint("started", flush=True)\ntime.sleep(60)\n', { limits: { timeMs: 30_000 } }), (e) => {
      if (e.type === 'output') started();
    });
    await running;
    expect(service.cancel(handle.runId)).toBe(true);
    const result = await handle.result;
    expect(result.verdict).toBe('cancelled');
    expect(service.cancel(handle.runId)).toBe(false);
  });
});

describe('many runs at once', () => {
  it('runs 50 concurrent runs across languages, none lost, each with the right verdict', { timeout: 180_000 }, async () => {
    const kinds = [
      { language: 'python', files: [{ path: 'main.py', content: 'print(input())' }], verdict: 'ok' },
      { language: 'javascript', files: [{ path: 'main.js', content: "console.log(require('fs').readFileSync(0, 'utf8').trim())" }], verdict: 'ok' },
      { language: 'bash', files: [{ path: 'main.sh', content: 'read x; echo "$x"; exit 3' }], verdict: 'runtime-error' },
      { language: 'ruby', files: [{ path: 'main.rb', content: 'puts gets' }], verdict: 'ok' },
      { language: 'lua', files: [{ path: 'main.lua', content: 'print(io.read("l")); os.exit(5)' }], verdict: 'runtime-error' },
      { language: 'php', files: [{ path: 'main.php', content: '<?php echo trim(fgets(STDIN)), "\\n";' }], verdict: 'ok' },
      { language: 'c', files: PROGRAMS.c.echo, verdict: 'ok' },
      { language: 'python', files: [{ path: 'main.py', content: 'print(input())\nwhile True: pass' }], verdict: 'time-limit', timeMs: 2_000 },
    ] as const;
    const runs = Array.from({ length: 50 }, (_, i) => {
      const kind = kinds[i % kinds.length]!;
      const stdin = `run-${i}\n`;
      let stdout = '';
      const handle = service.run(
        { language: kind.language, files: [...kind.files], stdin, limits: 'timeMs' in kind ? { timeMs: kind.timeMs } : {} },
        (e) => {
          if (e.type === 'output' && e.stream === 'stdout' && e.phase === 'run') stdout += e.data;
        },
      );
      return handle.result.then((result) => ({ i, kind, result, stdout }));
    });
    const done = await Promise.all(runs);
    expect(done).toHaveLength(50);
    expect(new Set(done.map((d) => d.result.runId)).size).toBe(50);
    for (const { i, kind, result, stdout } of done) {
      expect(result.verdict, `run ${i} (${kind.language}): ${result.message}`).toBe(kind.verdict);
      expect(stdout, `run ${i} (${kind.language})`).toBe(`run-${i}\n`);
    }
  });
});
