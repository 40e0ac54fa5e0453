/**
 * Evaluation work queue. Webhooks are acknowledged at once and their work runs here, so a
 * slow GitHub never makes a delivery miss its 10-second window.
 *
 * Two properties matter for correctness, not just speed:
 * - Coalescing: jobs are keyed (one key per pull request). While a key's job runs, further
 *   submissions for it collapse into ONE follow-up run, which reads the latest state. A burst
 *   of pushes and reviews therefore ends with an evaluation of the final head, never an older one.
 * - Bounded concurrency per group (one group per installation), so one busy organisation
 *   cannot starve the others.
 */
export type Job = () => Promise<void>;

interface KeyState {
  running: boolean;
  /** The latest job submitted while running; replaces any earlier pending one. */
  pending: Job | null;
}

export interface QueueStats {
  running: number;
  waiting: number;
}

export class CoalescingQueue {
  private readonly keys = new Map<string, KeyState>();
  private readonly groupRunning = new Map<string, number>();
  private readonly groupWaiting = new Map<string, Array<() => void>>();
  private idleWaiters: Array<() => void> = [];
  private active = 0;

  constructor(
    private readonly concurrencyPerGroup: number,
    private readonly onError: (error: unknown, key: string) => void,
  ) {}

  /** Queue `job` under `key` in `group`. Resolves when queued, not when done. */
  submit(group: string, key: string, job: Job): void {
    const state = this.keys.get(key);
    if (state) {
      state.pending = job;
      return;
    }
    this.keys.set(key, { running: true, pending: null });
    this.active++;
    void this.runKey(group, key, job);
  }

  stats(): QueueStats {
    let waiting = 0;
    for (const list of this.groupWaiting.values()) waiting += list.length;
    for (const state of this.keys.values()) if (state.pending) waiting++;
    return { running: this.active, waiting };
  }

  /** Resolves once nothing is running or pending (tests, graceful shutdown). */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async runKey(group: string, key: string, first: Job): Promise<void> {
    let job: Job | null = first;
    while (job) {
      await this.acquire(group);
      try {
        await job();
      } catch (error) {
        this.onError(error, key);
      } finally {
        this.release(group);
      }
      const state = this.keys.get(key)!;
      job = state.pending;
      state.pending = null;
    }
    this.keys.delete(key);
    this.active--;
    if (this.active === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private acquire(group: string): Promise<void> {
    const running = this.groupRunning.get(group) ?? 0;
    if (running < this.concurrencyPerGroup) {
      this.groupRunning.set(group, running + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const list = this.groupWaiting.get(group) ?? [];
      list.push(resolve);
      this.groupWaiting.set(group, list);
    });
  }

  private release(group: string): void {
    const list = this.groupWaiting.get(group);
    const next = list?.shift();
    if (next) {
      next(); // hand the slot over directly
      if (list!.length === 0) this.groupWaiting.delete(group);
      return;
    }
    const running = (this.groupRunning.get(group) ?? 1) - 1;
    if (running === 0) this.groupRunning.delete(group);
    else this.groupRunning.set(group, running);
  }
}
