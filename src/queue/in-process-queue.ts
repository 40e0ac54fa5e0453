/**
 * The single-replica queue: data jobs on top of the in-process CoalescingQueue. Nothing is
 * shared, so this is the default only when REDIS_URL is not set.
 */
import { CoalescingQueue } from "./coalescing-queue.js";
import type { JobRunner, QueueErrorHandler, QueuedWork, QueueStats, WorkQueue } from "./work-queue.js";

export class InProcessQueue<J> implements WorkQueue<J> {
  readonly kind = "memory" as const;
  private readonly queue: CoalescingQueue;

  constructor(
    concurrencyPerGroup: number,
    private readonly run: JobRunner<J>,
    onError: QueueErrorHandler,
  ) {
    this.queue = new CoalescingQueue(concurrencyPerGroup, onError);
  }

  async submit(work: QueuedWork<J>): Promise<void> {
    this.queue.submit(work.group, work.key, () => this.run(work.job));
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  async stats(): Promise<QueueStats> {
    return this.queue.stats();
  }

  async ping(): Promise<null> {
    return null;
  }

  /** The work exists only in this process: closing means finishing it. */
  close(): Promise<void> {
    return this.queue.idle();
  }
}
