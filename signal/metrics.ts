// Prometheus metrics of one instance. Each instance has its own registry so that several
// servers in one process (tests, the app embedding one next to a standalone) do not collide.
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

export type DropReason =
  | 'binary'
  | 'json'
  | 'shape'
  | 'utf8'
  | 'too_large'
  | 'rate'
  | 'topic_limit'
  | 'topics_total'
  | 'backpressure'
  | 'protocol'
  | 'closed';
export type RejectReason = 'auth' | 'per_address' | 'capacity' | 'room_token';

export interface SignalMetrics {
  registry: Registry;
  connections: Gauge;
  topics: Gauge;
  messagesIn: Counter<'type'>;
  messagesOut: Counter;
  drops: Counter<'reason'>;
  rejected: Counter<'reason'>;
  closedByServer: Counter<'reason'>;
  redisIn: Counter;
  redisOut: Counter;
}

export function createMetrics(processMetrics: boolean): SignalMetrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry, prefix: 'signal_' });
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({ name: 'signal_connections', help: 'Open WebSocket connections', registers }),
    topics: new Gauge({ name: 'signal_topics', help: 'Topics with at least one local subscriber', registers }),
    messagesIn: new Counter({ name: 'signal_messages_in_total', help: 'Valid messages received, by type', labelNames: ['type'], registers }),
    messagesOut: new Counter({ name: 'signal_messages_out_total', help: 'Messages sent to clients', registers }),
    drops: new Counter({ name: 'signal_drops_total', help: 'Frames or deliveries dropped, by reason', labelNames: ['reason'], registers }),
    rejected: new Counter({ name: 'signal_rejected_connections_total', help: 'Upgrades refused, or sockets closed for a missing room token, by reason', labelNames: ['reason'], registers }),
    closedByServer: new Counter({ name: 'signal_closed_by_server_total', help: 'Connections closed by the server, by reason', labelNames: ['reason'], registers }),
    redisIn: new Counter({ name: 'signal_redis_messages_in_total', help: 'Publishes received from other instances', registers }),
    redisOut: new Counter({ name: 'signal_redis_messages_out_total', help: 'Publishes sent to other instances', registers }),
  };
}
