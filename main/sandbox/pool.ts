// Warm containers, created ahead with every limit, because creating one (network "none" alone
// costs ~150 ms) dominates a short run. Each container runs exactly one untrusted program and is
// then removed; taking one starts a background refill. Containers carry this pool's owner label,
// so leftovers of a crashed process are found and removed at the next start.
//
// Only languages in use are kept warm (issue 11): a language is warmed when it is first run (or
// asked for, e.g. the languages of the workspace just opened), and a language unused for `idleMs`
// is cooled again: its idle containers are removed and no refill follows.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type Docker from 'dockerode';
import { LANGUAGES, TIER_LIMITS, type LanguageId } from '../../common/languages';
import { LABEL_LANGUAGE, LABEL_OWNER, LABEL_SANDBOX, sandboxContainerOptions, type ContainerLimits } from './container-spec';
import { openPhase, type PhaseChannel } from './exec-phase';
import { Limiter } from './limiter';
import { getLogger } from '../log/log-service';

const log = getLogger('sandbox');

export interface PooledContainer {
  container: Docker.Container;
  id: string;
  language: LanguageId;
  limits: ContainerLimits;
  /** Supervisor execs started ahead, one per phase (compile, run), taken in order. */
  channels: Promise<PhaseChannel>[];
}

export interface PoolOptions {
  /** Idle containers kept per warmed language. */
  idlePerLanguage?: number;
  /** Container creations at once (each costs CPU in dockerd). */
  maxCreating?: number;
  /** How long a warmed language keeps its idle containers without a run (default 10 minutes). */
  idleMs?: number;
  /**
   * When a taken container is replaced. 'acquire' (the default) starts making the next one at
   * once, alongside the run. 'release' waits until the taken one is given back, so that Docker's
   * container creation does not share the cores with the work it was taken for (the judge: its
   * tests' times are the user's numbers); an acquire then waits for a container being made rather
   * than making a second one.
   */
  refillOn?: 'acquire' | 'release';
}

export const DEFAULT_IDLE_MS = 10 * 60_000;

/** The limits a language's containers are created with: enough for its compiler, if it has one. */
export function containerLimitsFor(language: LanguageId): ContainerLimits {
  const lang = LANGUAGES[language];
  const tier = TIER_LIMITS[lang.tier];
  return {
    memoryMb: lang.compile ? Math.max(tier.compile.memoryMb, tier.run.memoryMb.default) : tier.run.memoryMb.default,
    pids: tier.pids,
  };
}

export class SandboxPool {
  readonly ownerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly idle = new Map<LanguageId, PooledContainer[]>();
  private readonly creating = new Map<LanguageId, number>();
  private readonly warmed = new Set<LanguageId>();
  private readonly owned = new Set<string>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly createLimiter: Limiter;
  private readonly idlePerLanguage: number;
  private readonly idleMs: number;
  private readonly lastUsed = new Map<LanguageId, number>();
  private readonly refillOn: 'acquire' | 'release';
  /** Refills under way per language, each settled once its container is idle (or failed). */
  private readonly making = new Map<LanguageId, Set<Promise<void>>>();
  private reaper: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(
    private readonly docker: Docker,
    private readonly imageFor: (language: LanguageId) => string | null,
    options: PoolOptions = {},
  ) {
    this.idlePerLanguage = options.idlePerLanguage ?? 1;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.refillOn = options.refillOn ?? 'acquire';
    this.createLimiter = new Limiter(options.maxCreating ?? 2, Number.POSITIVE_INFINITY);
  }

  /** Removes sandbox containers whose owning process on this host is gone (a crash, a kill -9). */
  async reapLeftovers(): Promise<number> {
    const all = await this.docker.listContainers({ all: true, filters: { label: [`${LABEL_SANDBOX}=1`] } });
    const dead = all.filter((c) => {
      const [host, pid] = (c.Labels[LABEL_OWNER] ?? '').split(':');
      if (!host || !pid) return true;
      if (host !== os.hostname()) return false;
      try {
        process.kill(Number(pid), 0);
        return false;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ESRCH';
      }
    });
    await Promise.all(
      dead.map((c) =>
        this.docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch((error: unknown) => log.warn({ err: error, containerId: c.Id }, 'could not remove a container left by an ended process')),
      ),
    );
    return dead.length;
  }

  /** Keeps idle containers ready for these languages from now on. */
  warm(languages: LanguageId[]): void {
    for (const language of languages) this.markUsed(language);
    for (const language of languages) this.refill(language);
  }

  /** Languages that are kept warm now. */
  warmLanguages(): LanguageId[] {
    return [...this.warmed];
  }

  /** Cools every language unused for idleMs: its idle containers go, and no refill follows. */
  reapIdle(now = Date.now()): LanguageId[] {
    const cooled: LanguageId[] = [];
    for (const language of [...this.warmed]) {
      if (now - (this.lastUsed.get(language) ?? 0) < this.idleMs) continue;
      this.warmed.delete(language);
      for (const pooled of this.idle.get(language)?.splice(0) ?? []) this.release(pooled);
      cooled.push(language);
    }
    if (this.warmed.size === 0) this.stopReaper();
    return cooled;
  }

  /** A started container for one run: an idle one if there is one, else a new one. */
  async acquire(language: LanguageId): Promise<PooledContainer> {
    if (this.disposed) throw new Error('the sandbox pool is closed');
    this.markUsed(language);
    let ready = this.idle.get(language)?.shift();
    if (this.refillOn === 'acquire') this.refill(language);
    else if (!ready) {
      // A container being made is nearer than a new one, and one creation at a time is cheaper.
      const making = this.making.get(language);
      if (making?.size) {
        await Promise.race(making);
        if (this.disposed) throw new Error('the sandbox pool is closed');
        ready = this.idle.get(language)?.shift();
      }
    }
    return ready ?? this.create(language);
  }

  /** Removes a used container in the background (never reused: it ran untrusted code). */
  release(pooled: PooledContainer): void {
    // Idle time counts from the end of the last run, so a long run does not cool its language.
    if (this.warmed.has(pooled.language)) this.lastUsed.set(pooled.language, Date.now());
    // A channel that failed to open has nothing to close; its failure was met where it was used.
    for (const unused of pooled.channels.splice(0)) void unused.then((c) => c.socket.destroy(), () => undefined);
    this.track(this.remove(pooled.id));
    if (this.refillOn === 'release') this.refill(pooled.language);
  }

  /** Kills a container now (cancel, output limit); removal follows on release. */
  kill(pooled: PooledContainer): void {
    // A container that already exited cannot be killed (409): that is the outcome we wanted.
    this.track(pooled.container.kill().catch((error: unknown) => {
      if ((error as { statusCode?: number }).statusCode !== 409) log.warn({ err: error, containerId: pooled.id }, 'could not kill a container');
    }));
  }

  idleCount(language?: LanguageId): number {
    if (language) return this.idle.get(language)?.length ?? 0;
    return [...this.idle.values()].reduce((n, list) => n + list.length, 0);
  }

  /** Waits for background work (creations, removals) to settle. */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.stopReaper();
    await this.settle();
    this.idle.clear();
    await Promise.all([...this.owned].map((id) => this.remove(id)));
    // A creation racing with dispose registers its container after the list above was taken.
    await this.settle();
    await Promise.all([...this.owned].map((id) => this.remove(id)));
  }

  private markUsed(language: LanguageId): void {
    this.warmed.add(language);
    this.lastUsed.set(language, Date.now());
    if (this.reaper || this.disposed || !Number.isFinite(this.idleMs)) return;
    // Checked every half idle time (at most a minute): a language stays warm at most that much past idleMs.
    this.reaper = setInterval(() => this.reapIdle(), Math.min(Math.max(this.idleMs / 2, 100), 60_000));
    this.reaper.unref(); // never keeps the process alive
  }

  private stopReaper(): void {
    if (this.reaper) clearInterval(this.reaper);
    this.reaper = null;
  }

  private refill(language: LanguageId): void {
    if (this.disposed || !this.warmed.has(language)) return;
    const have = (this.idle.get(language)?.length ?? 0) + (this.creating.get(language) ?? 0);
    const making = this.making.get(language) ?? new Set<Promise<void>>();
    this.making.set(language, making);
    for (let i = have; i < this.idlePerLanguage; i++) {
      this.creating.set(language, (this.creating.get(language) ?? 0) + 1);
      const made: Promise<void> = this.create(language)
        .then((pooled) => {
          // Disposed or cooled while it was being made: nobody will take it.
          if (this.disposed || !this.warmed.has(language)) return this.remove(pooled.id);
          const list = this.idle.get(language) ?? [];
          list.push(pooled);
          this.idle.set(language, list);
        })
        .catch((error: unknown) => {
          // The next acquire starts cold (and reports the error if it persists); say why here once.
          log.warn({ err: error, language }, 'could not warm a container');
        })
        .finally(() => {
          this.creating.set(language, (this.creating.get(language) ?? 1) - 1);
          making.delete(made);
        });
      making.add(made);
      this.track(made);
    }
  }

  private create(language: LanguageId): Promise<PooledContainer> {
    return this.createLimiter.run(async () => {
      const image = this.imageFor(language);
      if (!image) throw new Error(`the sandbox image for ${LANGUAGES[language].name} is missing; run \`npm run images\` (codecrafter images)`);
      const limits = containerLimitsFor(language);
      const container = await this.docker.createContainer(
        sandboxContainerOptions(image, limits, { [LABEL_OWNER]: this.ownerId, [LABEL_LANGUAGE]: language }),
      );
      this.owned.add(container.id);
      try {
        await container.start();
      } catch (error) {
        await this.remove(container.id);
        throw error;
      }
      const phases = LANGUAGES[language].compile ? 2 : 1;
      const channels = Array.from({ length: phases }, () => openPhase(container));
      for (const c of channels) c.catch(() => undefined); // a failed one is reopened when used
      await Promise.allSettled(channels);
      return { container, id: container.id, language, limits, channels };
    });
  }

  private async remove(id: string): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        await this.docker.getContainer(id).remove({ force: true });
        break;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 404) break; // already gone
        if (status !== 409) return; // kept in `owned`, so dispose tries again
        await new Promise((r) => setTimeout(r, 100)); // 409: a removal is already under way
      }
    }
    this.owned.delete(id);
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }
}
