// Password hashing under load. argon2 runs on libuv's thread pool, so it never blocks the
// event loop; but each hash holds ~19 MiB and a core for ~20 ms. So hashes run one per
// core, a bounded number wait (PASSWORD_HASHING_QUEUE), and beyond that the request is
// refused at once with HashingBusy, answered as 503 "busy, retry shortly" with Retry-After:
// memory stays bounded and a rush of sign-ins slows people down instead of taking the site.
import os from "node:os";
import pLimit, { type LimitFunction } from "p-limit";
import { getConfig } from "~/config.server";
import { singleton } from "~/utils/singleton.server";

export class HashingBusy extends Error {
  constructor() {
    super("password hashing queue is full");
  }
}

/** What a busy answer tells the client: hashes drain at ~90/s, so a few seconds suffice. */
export const HASHING_RETRY_AFTER_SECONDS = 5;

export class HashingQueue {
  private readonly limit: LimitFunction;

  constructor(running: number, private readonly waitingMax: number) {
    this.limit = pLimit(running);
  }

  /** Runs `work` when a slot is free; rejects with HashingBusy when too many already wait. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.limit.activeCount >= this.limit.concurrency && this.limit.pendingCount >= this.waitingMax) {
      return Promise.reject(new HashingBusy());
    }
    return this.limit(work);
  }

  /** Nothing hashing or waiting for a person: background hashing may take the cores. */
  get idle(): boolean {
    return this.limit.activeCount === 0 && this.limit.pendingCount === 0;
  }
}

/** The process's queue for every password hash made or checked for a request. */
export function hashingQueue(): HashingQueue {
  return singleton("hashing-queue", () => new HashingQueue(os.availableParallelism(), getConfig().PASSWORD_HASHING_QUEUE));
}
