import { z } from 'zod';
import { ErrorCode, HostError, toWireError, type WireError } from './errors';
import { Emitter, KeyedEmitter, type Disposer } from './event';

// The host contract is declared once (common/contract.ts) with these builders. From that one
// declaration come the typed client (renderer), the validating dispatcher (main) and the channel
// list the Electron preload exposes: no transport writes the API out by hand.

export type { Disposer } from './event';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly kind: 'method';
  readonly input: I;
  /**
   * The typed errors a handler may answer with besides the ones every method can give
   * (invalid-argument for a request that does not match `input`, internal for a bug). Declared
   * here so the reference docs list them (npm run docs).
   */
  readonly errors: readonly ErrorCode[];
  /** Phantom: only carries the result type. */
  readonly output?: O;
}

export interface EventSpec<T = unknown> {
  readonly kind: 'event';
  readonly payload?: T;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I, meta: { errors?: readonly ErrorCode[] } = {}): MethodSpec<I, O> => ({
    kind: 'method',
    input,
    errors: meta.errors ?? [],
  });
}

export function event<T>(): EventSpec<T> {
  return { kind: 'event' };
}

export type ServiceSpec = Record<string, MethodSpec | EventSpec>;
export type ContractSpec = Record<string, ServiceSpec>;

type MethodKeys<S> = { [K in keyof S]: S[K] extends MethodSpec ? K : never }[keyof S];
type EventKeys<S> = { [K in keyof S]: S[K] extends EventSpec ? K : never }[keyof S];

export type MethodInput<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type MethodArg<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type MethodResult<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never;
export type EventPayload<E> = E extends EventSpec<infer T> ? T : never;

/** What the renderer sees: request methods return promises, events take a listener and return its disposer. */
export type ClientOf<C extends ContractSpec> = {
  [S in keyof C]: {
    [M in MethodKeys<C[S]>]: undefined extends MethodInput<C[S][M]>
      ? (arg?: MethodInput<C[S][M]>) => Promise<MethodResult<C[S][M]>>
      : (arg: MethodInput<C[S][M]>) => Promise<MethodResult<C[S][M]>>;
  } & {
    [E in EventKeys<C[S]>]: (listener: (payload: EventPayload<C[S][E]>) => void) => Disposer;
  };
};

export interface CallContext {
  /** Which transport the call came through, for logs and per-connection limits. */
  readonly origin: string;
}

/** What main implements: one handler per request method, given the already validated argument. */
export type ImplOf<C extends ContractSpec> = {
  [S in keyof C]: {
    [M in MethodKeys<C[S]>]: (
      arg: MethodArg<C[S][M]>,
      ctx: CallContext,
    ) => Promise<MethodResult<C[S][M]>> | MethodResult<C[S][M]>;
  };
};

export interface ChannelList {
  methods: string[];
  events: string[];
}

export function channelName(service: string, member: string): string {
  return `${service}.${member}`;
}

export function listChannels(contract: ContractSpec): ChannelList {
  const methods: string[] = [];
  const events: string[] = [];
  for (const [service, spec] of Object.entries(contract)) {
    for (const [member, entry] of Object.entries(spec)) {
      (entry.kind === 'method' ? methods : events).push(channelName(service, member));
    }
  }
  return { methods, events };
}

// ---- main side ------------------------------------------------------------------------------

export type CallResult = { ok: true; value: unknown } | { ok: false; error: WireError };

export interface Dispatcher {
  /** Validates and runs one request. Never throws: every failure becomes a typed wire error. */
  call(channel: string, arg: unknown, ctx: CallContext): Promise<CallResult>;
  isEvent(channel: string): boolean;
}

export function createDispatcher<C extends ContractSpec>(contract: C, impl: ImplOf<C>): Dispatcher {
  const handlers = new Map<string, { input: z.ZodType; run: (arg: unknown, ctx: CallContext) => unknown }>();
  const events = new Set<string>();
  for (const [service, spec] of Object.entries(contract)) {
    for (const [member, entry] of Object.entries(spec)) {
      const channel = channelName(service, member);
      if (entry.kind === 'event') {
        events.add(channel);
        continue;
      }
      const serviceImpl = (impl as Record<string, Record<string, (arg: unknown, ctx: CallContext) => unknown>>)[service];
      const handler = serviceImpl?.[member];
      if (typeof handler !== 'function') throw new Error(`contract method ${channel} has no implementation`);
      handlers.set(channel, { input: entry.input, run: handler.bind(serviceImpl) });
    }
  }

  return {
    isEvent: (channel) => events.has(channel),
    async call(channel, arg, ctx) {
      const handler = typeof channel === 'string' ? handlers.get(channel) : undefined;
      if (!handler) {
        const name = String(channel).slice(0, 100);
        return { ok: false, error: { code: ErrorCode.UnknownMethod, message: `Unknown method "${name}".` } };
      }
      const parsed = handler.input.safeParse(arg);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
        const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
        return {
          ok: false,
          error: { code: ErrorCode.InvalidArgument, message: `Invalid request to ${channel}: ${summary}`, details: issues },
        };
      }
      try {
        return { ok: true, value: await handler.run(parsed.data, ctx) };
      } catch (error) {
        return { ok: false, error: toWireError(error) };
      }
    },
  };
}

/** Fan-out of events from main's services to every transport that listens. */
export class EventHub {
  private readonly channels: KeyedEmitter<unknown>;
  private readonly any: Emitter<{ channel: string; payload: unknown }>;

  /** `onListenerError`: a transport's listener threw; the other transports still get the event. */
  constructor(options: { onListenerError?: (error: unknown) => void } = {}) {
    this.channels = new KeyedEmitter(options);
    this.any = new Emitter(options);
  }

  emit(channel: string, payload: unknown): void {
    this.channels.fire(channel, payload);
    this.any.fire({ channel, payload });
  }

  on(channel: string, listener: (payload: unknown) => void): Disposer {
    return this.channels.on(channel, listener);
  }

  onAny(listener: (channel: string, payload: unknown) => void): Disposer {
    return this.any.event(({ channel, payload }) => listener(channel, payload));
  }

  listenerCount(): number {
    return this.channels.listenerCount + this.any.listenerCount;
  }
}

/** A typed emitter for one service, so main's services emit only events their contract declares. */
export function serviceEmitter<C extends ContractSpec, S extends keyof C & string>(hub: EventHub, _contract: C, service: S) {
  return <E extends EventKeys<C[S]> & string>(name: E, payload: EventPayload<C[S][E]>) =>
    hub.emit(channelName(service, name), payload);
}

// ---- renderer side --------------------------------------------------------------------------

export interface ClientTransport {
  request(channel: string, arg: unknown): Promise<CallResult>;
  subscribe(channel: string, listener: (payload: unknown) => void): Disposer;
}

export function createClient<C extends ContractSpec>(contract: C, transport: ClientTransport): ClientOf<C> {
  const client: Record<string, Record<string, unknown>> = {};
  for (const [service, spec] of Object.entries(contract)) {
    const members: Record<string, unknown> = {};
    for (const [member, entry] of Object.entries(spec)) {
      const channel = channelName(service, member);
      members[member] =
        entry.kind === 'method'
          ? async (arg: unknown) => {
              const result = await transport.request(channel, arg);
              if (!result.ok) throw HostError.fromWire(result.error);
              return result.value;
            }
          : (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
    }
    client[service] = members;
  }
  return client as ClientOf<C>;
}
