import type { Logger } from 'pino';
import type { RendererLogRecord } from '../../common/log';
import { TokenBucket } from '../../signal/token-bucket';

// Renderer warnings and errors reach the user's log file through `app.log` (issue 12). A page that
// throws in a render loop would send thousands a second, so each connection gets a token bucket;
// what is dropped is counted and said once when the connection may log again.

/** Records one connection may send at once, and per second after that. */
export const RENDERER_LOG_BURST = 20;
export const RENDERER_LOG_PER_SECOND = 2;
/** Connections remembered; the oldest is forgotten past this (connections come and go). */
const MAX_TRACKED_ORIGINS = 64;

interface OriginState {
  bucket: TokenBucket;
  dropped: number;
}

export interface RendererLogSink {
  /** Writes one record unless this origin is over its rate; says whether it was written. */
  write(record: RendererLogRecord, origin: string, now?: number): boolean;
}

export function createRendererLogSink(logger: Logger): RendererLogSink {
  const origins = new Map<string, OriginState>();
  return {
    write(record, origin, now = performance.now()) {
      let state = origins.get(origin);
      if (!state) {
        if (origins.size >= MAX_TRACKED_ORIGINS) origins.delete(origins.keys().next().value!);
        state = { bucket: new TokenBucket(RENDERER_LOG_BURST, RENDERER_LOG_PER_SECOND, now), dropped: 0 };
        origins.set(origin, state);
      }
      if (!state.bucket.take(now)) {
        state.dropped += 1;
        return false;
      }
      if (state.dropped > 0) {
        logger.warn({ origin, dropped: state.dropped }, 'renderer records dropped: the page logged faster than the rate limit');
        state.dropped = 0;
      }
      // The renderer's component goes under its own key: `component` is this logger's ('renderer').
      logger[record.level]({ origin, rendererComponent: record.component, ...record.context }, record.message);
      return true;
    },
  };
}
