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
  override readonly name = "HashingBusy";
  constructor() {
    super("password hashing queue is full");
  }
}

/**
 * By name, not instanceof: the server entry (through tsx) and the Remix build each load
 * this module, and the queue (a process singleton) may throw the other copy's class.
 */
export function isHashingBusy(error: unknown): boolean {
  return error instanceof Error && error.name === "HashingBusy";
}

/** What a busy answer tells the client: hashes drain at ~90/s, so a few seconds suffice. */
export const HASHING_RETRY_AFTER_SECONDS = 5;

export class HashingQueue {
  private readonly limit: LimitFunction;
  /** Running and waiting, counted here at once: p-limit updates its own counts a microtask later. */
  private inFlight = 0;

  constructor(
    private readonly running: number,
    private readonly waitingMax: number,
  ) {
    this.limit = pLimit(running);
  }

  /** Runs `work` when a slot is free; rejects with HashingBusy when too many already wait. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.running + this.waitingMax) throw new HashingBusy();
    this.inFlight++;
    try {
      return await this.limit(work);
    } finally {
      this.inFlight--;
    }
  }

  /** Nothing hashing or waiting for a person: background hashing may take the cores. */
  get idle(): boolean {
    return this.inFlight === 0;
  }
}

/** The process's queue for every password hash made or checked for a request. */
export function hashingQueue(): HashingQueue {
  return singleton("hashing-queue", () => new HashingQueue(os.availableParallelism(), getConfig().PASSWORD_HASHING_QUEUE));
}
