// The measured side of the loop bench (loop.bench.ts): the browser host, i.e. the same services
// the Electron main process runs, alone in this process so that its event loop is the one
// measured and neither Chromium nor Playwright's driver shares it. Talks to the driver over
// stdin/stdout, one JSON line each way:
//   -> {"url": "...", "sandboxed": bool}            once the host listens
//   <- "start"                                      resets the histogram
//   <- "stop"  -> {"p50": ms, "p99": ms, ...}       the delay since "start"
//   <- "exit"                                       disposes the services and exits
import { createInterface } from 'node:readline';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createHostServices } from '../../main/host/services';
import { startWebHost } from '../../main/host/web-server';
import { REPO_ROOT } from '../e2e/web-host';
import type { SandboxStatus } from '../../common/types';
import { LOOP_RESOLUTION_MS, loopDelayMs } from './report';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: loop-host.ts <data dir>');

const services = createHostServices({ dataDir, host: 'web', sandboxWarm: ['python'] });
const web = await startWebHost({ services, staticDir: path.join(REPO_ROOT, 'dist/renderer'), host: '127.0.0.1', port: 0 });
const status = await services.dispatcher.call('sandbox.status', undefined, { origin: 'bench' });
const sandboxStatus = status.ok ? (status.value as SandboxStatus) : null;
const sandboxed = sandboxStatus?.docker === 'ok' && sandboxStatus.images.some((i) => i.language === 'python' && i.present);
if (!sandboxed) {
  // Without Docker the run streams from an unsandboxed process: the same output path in main
  // minus Docker's stream demultiplexing. The report says which one ran.
  await services.dispatcher.call('settings.update', { allowUnsandboxed: true }, { origin: 'bench' });
}
// loopDelayMs takes the timer's interval off each sample (report.ts).
const RESOLUTION_MS = LOOP_RESOLUTION_MS;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();
const ms = loopDelayMs;
console.log(JSON.stringify({ url: web.url, sandboxed }));

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'start') {
    histogram.reset();
  } else if (line === 'stop') {
    console.log(
      JSON.stringify({
        p50: ms(histogram.percentile(50)),
        p90: ms(histogram.percentile(90)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        mean: ms(histogram.mean),
        rawP99: histogram.percentile(99) / 1e6,
        resolutionMs: RESOLUTION_MS,
        samples: histogram.count,
        rssMiB: process.memoryUsage().rss / 2 ** 20,
        cpu: process.cpuUsage(),
      }),
    );
  } else if (line === 'exit') {
    break;
  }
}
histogram.disable();
await web.close();
await services.dispose();
process.exit(0);
