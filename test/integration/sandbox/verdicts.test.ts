// Issue 11: verdicts that belong to the program. A program that kills the supervisor watching it
// gets its own verdict (a runtime error naming the signal), not internal-error; a JVM that runs
// out of heap is a memory-limit verdict, not a runtime error. Real dockerd, real images.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxService } from '../../../main/sandbox/service';
import { containersOf, one, runToEnd, startService } from './helpers';

let service: SandboxService;

beforeAll(async () => {
  service = await startService({ maxConcurrent: 2 });
});

afterAll(async () => {
  await service?.dispose();
  if (service) expect(await containersOf(service)).toEqual([]);
});

describe('a program that kills its supervisor', () => {
  it('gets runtime-error with the signal (Python, SIGKILL)', { timeout: 120_000 }, async () => {
    const { result } = await runToEnd(service, one('python', 'main.py', 'import os, signal\nprint("bye", flush=True)\nos.kill(os.getppid(), signal.SIGKILL)\n'));
    expect(result.verdict, result.message).toBe('runtime-error');
    expect(result.signal).toBe('SIGKILL');
    expect(result.message).toMatch(/killed the sandbox's supervisor \(SIGKILL\)/);
  });

  it('gets runtime-error with the signal (Bash, SIGTERM)', { timeout: 120_000 }, async () => {
    const { result } = await runToEnd(service, one('bash', 'main.sh', 'kill -TERM $PPID\nsleep 0.2\n'));
    expect(result.verdict, result.message).toBe('runtime-error');
    expect(result.signal).toBe('SIGTERM');
  });

  it('that keeps running afterwards gets the same verdict and is removed with its container', { timeout: 120_000 }, async () => {
    const { result } = await runToEnd(service, one('bash', 'main.sh', 'kill -9 $PPID\nwhile :; do :; done\n', { limits: { timeMs: 2_000 } }));
    expect(result.verdict, result.message).toBe('runtime-error');
    expect(result.signal).toBe('SIGKILL');
    await service.settle();
    // Only the fresh warm container for the next bash run is left; the spinning program is gone.
    expect((await containersOf(service)).length).toBeLessThanOrEqual(2);
  });
});

describe('a runtime out of its own heap', () => {
  it('Java OutOfMemoryError is memory-limit', { timeout: 240_000 }, async () => {
    const source =
      'import java.util.*;\n\npublic class Main {\n  public static void main(String[] args) {\n    List<long[]> kept = new ArrayList<>();\n    while (true) kept.add(new long[1 << 20]);\n  }\n}\n';
    const { result, stderr } = await runToEnd(service, one('java', 'Main.java', source, { limits: { memoryMb: 256, timeMs: 30_000 } }));
    expect(stderr).toMatch(/java\.lang\.OutOfMemoryError/);
    expect(result.verdict, result.message).toBe('memory-limit');
  });

  it('a Java program that catches its OutOfMemoryError and exits normally is ok', { timeout: 240_000 }, async () => {
    const source =
      'import java.util.*;\n\npublic class Main {\n  public static void main(String[] args) {\n    List<long[]> kept = new ArrayList<>();\n    try { while (true) kept.add(new long[1 << 20]); } catch (OutOfMemoryError e) { kept.clear(); System.out.println("recovered"); }\n  }\n}\n';
    const { result, stdout } = await runToEnd(service, one('java', 'Main.java', source, { limits: { memoryMb: 256, timeMs: 30_000 } }));
    expect(result.verdict, result.message).toBe('ok');
    expect(stdout).toBe('recovered\n');
  });

  it('a Java exception that is not about memory stays runtime-error', { timeout: 240_000 }, async () => {
    const source = 'public class Main {\n  public static void main(String[] args) {\n    throw new IllegalStateException("not memory");\n  }\n}\n';
    const { result } = await runToEnd(service, one('java', 'Main.java', source));
    expect(result.verdict, result.message).toBe('runtime-error');
  });
});
