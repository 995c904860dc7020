// The sandbox as one service, the shape the host contract exposes over IPC: status, image
// builds, runs (with streamed events and cancel) and disposal. Requests are parsed once where
// they enter (the contract's schema, or parseRunRequest on the command line), not again here.
import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { HostError, ErrorCode } from '../../common/errors';
import { LANGUAGE_IDS, LANGUAGES, type ImageName, type LanguageId } from '../../common/languages';
import { resolveEntry, resolveLimits, type RunEvent, type RunRequest, type RunResult } from '../../common/sandbox';
import { connectDocker, dockerState, type DockerState } from './docker';
import { runInRoomContainer, runSandboxed } from './engine';
import { runOnHost } from './host-runner';
import { buildImages, DEFAULT_BASE, planImages, resolveImage, type BuildProgress } from './images';
import { Limiter, QueueFullError } from './limiter';
import { SandboxPool } from './pool';
import { unsandboxedRefusal, type UnsandboxedState } from './unsandboxed-policy';
import type { SandboxStatus } from '../../common/types';
import { getLogger } from '../log/log-service';

const log = getLogger('sandbox');

export interface SandboxServiceOptions {
  docker?: Docker;
  /** Base image the language images were built on (default: the debootstrap import). */
  base?: string;
  imagesDir?: string;
  /**
   * Languages to warm at start: none by default, since a language is warmed at its first run
   * (and by warm()); 'all' for benchmarks, a list for tests (CODECRAFTER_SANDBOX_WARM).
   */
  warm?: 'all' | LanguageId[];
  idlePerLanguage?: number;
  /** How long a warmed language keeps its containers without a run (default 10 minutes). */
  idleMs?: number;
  /** Runs at once; on 2 cores, two programs plus container churn already fill the machine. */
  maxConcurrent?: number;
  maxQueued?: number;
  /** Whether `unsandboxed: true` may run now (unsandboxed-policy.ts); refused when absent. */
  unsandboxed?: () => UnsandboxedState;
}

export type { SandboxStatus };

/** Where a sandboxed run goes: a fresh pooled container, unless a room container's id is given. */
export interface RunWhere {
  roomContainer?: string;
}

export interface RunHandle {
  runId: string;
  result: Promise<RunResult>;
}

export class SandboxService {
  private readonly docker: Docker;
  private readonly limiter: Limiter;
  private readonly runs = new Map<string, AbortController>();
  private readonly inFlight = new Set<Promise<RunResult>>();
  private tags = new Map<ImageName, string>();
  private pool: SandboxPool;
  private ready: Promise<DockerState> | null = null;
  private disposed = false;

  constructor(private readonly options: SandboxServiceOptions = {}) {
    this.docker = options.docker ?? connectDocker();
    this.limiter = new Limiter(options.maxConcurrent ?? 3, options.maxQueued ?? 100);
    this.pool = new SandboxPool(this.docker, (language) => this.tags.get(LANGUAGES[language].image) ?? null, {
      idlePerLanguage: options.idlePerLanguage,
      idleMs: options.idleMs ?? idleMsFromEnv(),
    });
  }

  get ownerId(): string {
    return this.pool.ownerId;
  }

  /** Connects, finds the images, removes leftovers of a crashed run, and starts warming. */
  start(): Promise<DockerState> {
    this.ready ??= (async () => {
      const state = await dockerState(this.docker);
      if (state.docker !== 'ok') {
        this.ready = null; // try again on the next run: Docker may be started later
        return state;
      }
      await this.refreshImages();
      await this.pool.reapLeftovers();
      const wanted = this.options.warm === 'all' ? [...LANGUAGE_IDS] : (this.options.warm ?? []);
      this.pool.warm(wanted.filter((l) => this.tags.has(LANGUAGES[l].image)));
      return state;
    })();
    return this.ready;
  }

  /** Warms these languages ahead of their first run (e.g. those of a workspace just opened). */
  async warm(languages: LanguageId[]): Promise<void> {
    if (this.disposed || languages.length === 0) return;
    const state = await this.start();
    if (state.docker !== 'ok' || this.disposed) return;
    this.pool.warm(languages.filter((l) => this.tags.has(LANGUAGES[l].image)));
  }

  /** Languages kept warm now: for the status bar, tests and benchmarks. */
  warmLanguages(): LanguageId[] {
    return this.pool.warmLanguages();
  }

  async status(): Promise<SandboxStatus> {
    const state = await dockerState(this.docker);
    if (state.docker === 'ok') await this.refreshImages();
    return {
      ...state,
      images: LANGUAGE_IDS.map((language) => {
        const image = LANGUAGES[language].image;
        const tag = this.tags.get(image) ?? null;
        return { language, image, tag, present: tag !== null };
      }),
    };
  }

  async buildImages(onProgress?: (p: BuildProgress) => void, base = this.options.base): Promise<void> {
    await buildImages(this.docker, { base, imagesDir: this.options.imagesDir, onProgress });
    await this.refreshImages();
  }

  /**
   * Starts a parsed run request. Throws HostError(permission-denied) for an unsandboxed run that
   * is not allowed now, and HostError(invalid-argument) when no entry file can be told; nothing
   * runs then.
   */
  run(request: RunRequest, onEvent: (event: RunEvent) => void = () => {}, where: RunWhere = {}): RunHandle {
    if (this.disposed) throw new HostError(ErrorCode.Unavailable, 'the sandbox service is shut down');
    if (!resolveEntry(request.language, request.files, request.entry)) throw new HostError(ErrorCode.InvalidArgument, 'the run has no entry file among its files');
    if (request.unsandboxed) {
      const refusal = unsandboxedRefusal(this.options.unsandboxed?.() ?? { allowed: false, hostingRoom: false });
      if (refusal) throw new HostError(ErrorCode.PermissionDenied, refusal);
    }
    const runId = randomUUID();
    const controller = new AbortController();
    this.runs.set(runId, controller);
    const emit = (event: RunEvent) => {
      try {
        onEvent(event);
      } catch (error) {
        // a listener's failure must not break the run
        log.error({ err: error, runId: event.runId, event: event.type }, 'a run event listener failed');
      }
    };
    const result = this.execute(request, runId, controller.signal, emit, where)
      .catch((error: unknown): RunResult => failure(request, runId, error instanceof QueueFullError ? error.message : `internal error: ${(error as Error).message}`))
      .then((r) => {
        this.runs.delete(runId);
        emit({ runId, type: 'done', result: r });
        return r;
      });
    this.inFlight.add(result);
    void result.finally(() => this.inFlight.delete(result));
    return { runId, result };
  }

  /** Waits until the pool's background work (refills, removals) is done: for benchmarks and tests. */
  async settle(): Promise<void> {
    await this.pool.settle();
  }

  /** Stops a run wherever it is (queued, compiling, running). False if it is not known. */
  cancel(runId: string): boolean {
    const controller = this.runs.get(runId);
    if (!controller) return false;
    controller.abort(new Error('cancelled'));
    return true;
  }

  /** Cancels what runs, removes every container this service made, and waits until they are gone. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const controller of this.runs.values()) controller.abort(new Error('cancelled'));
    await Promise.allSettled([...this.inFlight]);
    await this.pool.dispose();
  }

  private async execute(request: RunRequest, runId: string, signal: AbortSignal, emit: (e: RunEvent) => void, where: RunWhere): Promise<RunResult> {
    const queued = (position: number) => emit({ runId, type: 'queued', position });
    try {
      return await this.limiter.run(
        async () => {
          if (request.unsandboxed) return runOnHost(request, { runId, onEvent: emit, signal });
          if (where.roomContainer) return runInRoomContainer(this.docker, where.roomContainer, request, { runId, onEvent: emit, signal });
          const state = await this.start();
          if (state.docker !== 'ok') return failure(request, runId, state.message ?? 'Docker is not available');
          return runSandboxed(this.pool, request, { runId, onEvent: emit, signal });
        },
        queued,
        signal,
      );
    } catch (error) {
      if (signal.aborted) return { ...failure(request, runId, 'the run was cancelled before it started'), verdict: 'cancelled' };
      throw error;
    }
  }

  private async refreshImages(): Promise<void> {
    const { languages } = planImages(this.options.base ?? process.env.CODECRAFTER_SANDBOX_BASE ?? DEFAULT_BASE, this.options.imagesDir);
    const found = new Map<ImageName, string>();
    await Promise.all(
      languages.map(async (plan) => {
        const tag = await resolveImage(this.docker, plan);
        if (tag) found.set(plan.name as ImageName, tag);
      }),
    );
    this.tags = found;
  }
}

/** CODECRAFTER_SANDBOX_IDLE_MS: how long an unused language keeps its warm containers. */
function idleMsFromEnv(): number | undefined {
  const value = Number(process.env.CODECRAFTER_SANDBOX_IDLE_MS);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function failure(request: RunRequest, runId: string, message: string): RunResult {
  return {
    runId,
    language: request.language,
    verdict: 'internal-error',
    sandboxed: !request.unsandboxed,
    exitCode: null,
    signal: null,
    wallMs: 0,
    cpuMs: null,
    peakMemoryKb: null,
    compile: null,
    outputBytes: 0,
    limits: resolveLimits(request.language, request.limits),
    message,
  };
}
