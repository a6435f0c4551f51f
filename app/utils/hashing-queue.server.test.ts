import { describe, expect, it } from "vitest";
import { HashingBusy, HashingQueue } from "./hashing-queue.server";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("hashing queue", () => {
  it("runs a bounded number at once, lets a bounded number wait, and refuses the rest", async () => {
    const queue = new HashingQueue(2, 3);
    const gate = deferred();
    let running = 0;
    let mostAtOnce = 0;
    const work = async () => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await gate.promise;
      running--;
      return "hashed";
    };
    const accepted = Array.from({ length: 5 }, () => queue.run(work));
    await expect(queue.run(work)).rejects.toBeInstanceOf(HashingBusy);
    expect(queue.idle).toBe(false);
    gate.resolve();
    expect(await Promise.all(accepted)).toEqual(Array(5).fill("hashed"));
    expect(mostAtOnce).toBe(2);
    expect(queue.idle).toBe(true);
  });

  it("counts work handed over in the same tick (a burst of requests resuming together)", async () => {
    const queue = new HashingQueue(2, 1);
    const gate = deferred();
    const burst = Array.from({ length: 6 }, () => queue.run(() => gate.promise.then(() => "hashed")));
    gate.resolve();
    const outcomes = await Promise.allSettled(burst);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome.status === "rejected" && outcome.reason instanceof HashingBusy)).toHaveLength(3);
  });

  it("takes new work again once the queue has drained", async () => {
    const queue = new HashingQueue(1, 0);
    const gate = deferred();
    const first = queue.run(() => gate.promise);
    await expect(queue.run(async () => undefined)).rejects.toBeInstanceOf(HashingBusy);
    gate.resolve();
    await first;
    await expect(queue.run(async () => "again")).resolves.toBe("again");
  });
});
