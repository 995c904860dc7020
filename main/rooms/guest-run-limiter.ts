import { TokenBucket } from '../../signal/token-bucket';

// How often one room member may run code on the host's machine (issue 8 item 6): a token bucket
// per member key (a burst of `perMinute`, refilled evenly over the minute) and a cap on runs in
// flight. Kept in main, so a page that forwards requests cannot lift it.

export interface GuestRunRates {
  perMinute: number;
  inFlight: number;
}

export type Admission = { ok: true; release: () => void } | { ok: false; reason: string };

export class GuestRunLimiter {
  private readonly buckets = new Map<string, { bucket: TokenBucket; perMinute: number }>();
  private readonly running = new Map<string, number>();

  constructor(
    private readonly rates: () => GuestRunRates,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Admits one run for `key`, or says why not. The caller must call `release` when the run ends. */
  admit(key: string): Admission {
    const { perMinute, inFlight } = this.rates();
    let rate = this.buckets.get(key);
    // A changed rate in Settings applies at once, with a full bucket.
    if (!rate || rate.perMinute !== perMinute) {
      rate = { bucket: new TokenBucket(perMinute, perMinute / 60, this.now()), perMinute };
      this.buckets.set(key, rate);
    }
    const running = this.running.get(key) ?? 0;
    // In-flight first, so a refused run does not spend a token.
    if (running >= inFlight) {
      return { ok: false, reason: `Wait for your run${inFlight > 1 ? 's' : ''} on the host's machine to finish (at most ${inFlight} at once).` };
    }
    if (!rate.bucket.take(this.now())) {
      return { ok: false, reason: `You have used your ${perMinute} runs a minute on the host's machine: try again in a few seconds.` };
    }
    this.running.set(key, running + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.running.get(key) ?? 1) - 1;
        if (left <= 0) this.running.delete(key);
        else this.running.set(key, left);
      },
    };
  }
}
