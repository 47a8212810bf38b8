/** A clock the pacing reads and waits on; tests give their own so that no test waits. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Spaces requests to one host at least `gap` milliseconds apart, start to start. Calls for one host
 * are taken in turn, so pages read ahead in parallel still reach a site one at a time.
 */
export class Pace {
  private readonly last = new Map<string, number>();
  private readonly queue = new Map<string, Promise<unknown>>();

  constructor(private readonly clock: Clock = SYSTEM_CLOCK) {}

  /** Runs `request` once `host` has had `gap` ms of quiet since its last request began. */
  turn<T>(host: string, gap: () => number, request: () => Promise<T>): Promise<T> {
    const before = this.queue.get(host) ?? Promise.resolve();
    const mine = before.then(async () => {
      const last = this.last.get(host);
      if (last !== undefined) {
        const wait = last + gap() - this.clock.now();
        if (wait > 0) await this.clock.sleep(wait);
      }
      this.last.set(host, this.clock.now());
      return request();
    });
    // One failed request does not stop the host's next.
    this.queue.set(
      host,
      mine.catch(() => undefined),
    );
    return mine;
  }
}
