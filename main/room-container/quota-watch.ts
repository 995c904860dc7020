import { getLogger } from '../log/log-service';

// The room container's disk quota, enforced (issue 10 item 3). Docker's local volumes cannot be
// size-capped on overlay2 over ext4 (only xfs with project quotas), so main measures the
// workspace and home volumes (`du`) while the container runs, and when they pass the quota it
// stops every program in the container (a restart: terminals end, runs fail, the files stay).
// The user may then open a terminal to delete files; a container still over its quota that grows
// again is stopped again, and runs are refused until it is back under (isOver).

const log = getLogger('room-container');

/** How often a running container this app uses (a terminal, a run) is measured, at the least. */
export const QUOTA_CHECK_MS = 10_000;
/** How often the other running room containers are (one left running after a restart of the app). */
const IDLE_CHECK_MS = 60_000;
/** A check that took d ms waits this many d before the next (a huge tree is not walked nonstop)... */
const BACKOFF_FACTOR = 20;
/** ...but never longer than this: a slow tree must not buy a writer minutes between measures. */
const MAX_CHECK_MS = 60_000;
/** Growth while over the quota that counts as writing more (not the noise of a shell's history). */
const GROWTH_SLACK_MB = 1;

export interface WatchedContainer {
  id: string;
  scope: string;
  quotaMb: number;
  /** This app has programs in it (a terminal, a run): measured every check, others every minute. */
  active: boolean;
}

export interface QuotaTarget {
  /** The running room containers to watch. */
  containers(): Promise<WatchedContainer[]>;
  /** Disk used by its workspace and home, in MB, or null when it could not be measured. */
  usedMb(id: string): Promise<number | null>;
  /** Ends every program in the container (keeps its files). */
  stopPrograms(id: string): Promise<void>;
}

export interface QuotaPassed {
  scope: string;
  usedMb: number;
  quotaMb: number;
  stopped: boolean;
}

export class QuotaWatch {
  /** Containers over their quota, with the least they used since they passed it. */
  private readonly over = new Map<string, { usedMb: number; quotaMb: number }>();
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private disposed = false;
  private listFailing = false;
  /** When each container was last measured (idle ones are measured less often). */
  private readonly measuredAt = new Map<string, number>();
  /** Judgements run one at a time: a check and a refused run measuring together stop once. */
  private judging: Promise<void> = Promise.resolve();

  constructor(
    private readonly target: QuotaTarget,
    private readonly onPassed: (event: QuotaPassed) => void,
    private readonly intervalMs = QUOTA_CHECK_MS,
  ) {}

  start(): void {
    this.schedule(this.intervalMs);
  }

  /** Whether container `id` was over its quota at its last measure. */
  overQuota(id: string): { usedMb: number; quotaMb: number } | undefined {
    return this.over.get(id);
  }

  /** Measures every watched container now (one check at a time). */
  check(): Promise<void> {
    this.checking ??= this.measureAll().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /**
   * A measure made as a terminal opens in the container: over the quota, the user is told (the
   * terminal is how files get deleted, so it opens) and growth from here stops its programs.
   */
  seenOnOpen(id: string, scope: string, usedMb: number, quotaMb: number): void {
    if (usedMb <= quotaMb) {
      this.over.delete(id);
      return;
    }
    const before = this.over.get(id);
    this.over.set(id, { usedMb: Math.min(before?.usedMb ?? usedMb, usedMb), quotaMb });
    this.onPassed({ scope, usedMb, quotaMb, stopped: false });
  }

  /**
   * Container `id` is over its quota by the last measure: measure it again now (the user may have
   * just deleted files) and answer whether it still is. Growth still stops its programs.
   */
  async stillOver(id: string, scope: string): Promise<{ usedMb: number; quotaMb: number } | undefined> {
    const before = this.over.get(id);
    if (!before) return undefined;
    const usedMb = await this.target.usedMb(id);
    if (usedMb !== null) await this.judge(id, scope, usedMb, before.quotaMb);
    return this.over.get(id);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private schedule(delay: number): void {
    if (this.disposed) return;
    this.timer = setTimeout(() => {
      const started = Date.now();
      void this.check().finally(() => this.schedule(Math.min(MAX_CHECK_MS, Math.max(this.intervalMs, (Date.now() - started) * BACKOFF_FACTOR))));
    }, delay);
    this.timer.unref();
  }

  private async measureAll(): Promise<void> {
    let containers: WatchedContainer[];
    try {
      containers = await this.target.containers();
      this.listFailing = false;
    } catch (error) {
      // Once per outage (Docker stopped, say), not every few seconds.
      if (!this.listFailing) log.warn({ err: error }, 'could not list the room containers to measure their disk use');
      this.listFailing = true;
      return;
    }
    const watched = new Set(containers.map((c) => c.id));
    for (const id of this.over.keys()) if (!watched.has(id)) this.over.delete(id);
    for (const id of this.measuredAt.keys()) if (!watched.has(id)) this.measuredAt.delete(id);
    for (const { id, scope, quotaMb, active } of containers) {
      if (this.disposed) return;
      // One over its quota is measured every check, whoever uses it: it is being cleaned up.
      const due = active || this.over.has(id) || Date.now() - (this.measuredAt.get(id) ?? 0) >= IDLE_CHECK_MS;
      if (!due) continue;
      this.measuredAt.set(id, Date.now());
      const usedMb = await this.target.usedMb(id);
      if (usedMb !== null) await this.judge(id, scope, usedMb, quotaMb);
    }
  }

  private judge(id: string, scope: string, usedMb: number, quotaMb: number): Promise<void> {
    const next = this.judging.then(() => this.judgeNow(id, scope, usedMb, quotaMb));
    this.judging = next.catch(() => {});
    return next;
  }

  private async judgeNow(id: string, scope: string, usedMb: number, quotaMb: number): Promise<void> {
    if (usedMb <= quotaMb) {
      if (this.over.delete(id)) log.info({ scope, usedMb, quotaMb }, 'room container back under its disk quota');
      return;
    }
    const before = this.over.get(id);
    // Still over, and not growing: the user is deleting files (or has not started to).
    if (before && usedMb <= before.usedMb + GROWTH_SLACK_MB) {
      this.over.set(id, { usedMb: Math.min(before.usedMb, usedMb), quotaMb });
      return;
    }
    try {
      await this.target.stopPrograms(id);
    } catch (error) {
      // Not marked over: the next measure tries again.
      log.error({ err: error, scope, usedMb, quotaMb }, 'a room container passed its disk quota and its programs could not be stopped');
      return;
    }
    this.over.set(id, { usedMb, quotaMb });
    log.warn({ scope, usedMb, quotaMb }, 'a room container passed its disk quota: its programs were stopped');
    this.onPassed({ scope, usedMb, quotaMb, stopped: true });
  }
}
