import { describe, expect, it } from "vitest";
import { addCounts, keyUsage, type SweepCounts } from "./key-usage";

describe("key usage after a sweep", () => {
  it("adds the counts of several tables", () => {
    const tables: SweepCounts[] = [
      { byKey: { k2: 3, k1: 1 }, unreadable: 0 },
      { byKey: { k1: 2 }, unreadable: 1 },
      { byKey: {}, unreadable: 0 },
    ];
    const total = tables.reduce(addCounts, { byKey: {}, unreadable: 0 });
    expect(total).toEqual({ byKey: { k2: 3, k1: 3 }, unreadable: 1 });
  });

  it("lets an old key go once no envelope names it", () => {
    const usage = keyUsage({ byKey: { k2: 5 }, unreadable: 0 }, ["k2", "k1"]);
    expect(usage.keys).toEqual([
      { keyId: "k2", envelopes: 5, inRing: true, current: true },
      { keyId: "k1", envelopes: 0, inRing: true, current: false },
    ]);
    expect(usage.retirable).toEqual(["k1"]);
    expect(usage.done).toBe(true);
  });

  it("keeps an old key while envelopes still name it", () => {
    const usage = keyUsage({ byKey: { k2: 5, k1: 1 }, unreadable: 0 }, ["k2", "k1", "k0"]);
    expect(usage.retirable).toEqual(["k0"]);
    expect(usage.done).toBe(false);
  });

  it("shows a key id the ring no longer holds, and is not done while anything is unreadable", () => {
    const usage = keyUsage({ byKey: { k2: 5, k0: 2 }, unreadable: 2 }, ["k2"]);
    expect(usage.keys.at(-1)).toEqual({ keyId: "k0", envelopes: 2, inRing: false, current: false });
    expect(usage.done).toBe(false);
    expect(keyUsage({ byKey: { k2: 5 }, unreadable: 1 }, ["k2"]).done).toBe(false);
  });

  it("is done on an empty database", () => {
    expect(keyUsage({ byKey: {}, unreadable: 0 }, ["k1"])).toEqual({
      keys: [{ keyId: "k1", envelopes: 0, inRing: true, current: true }],
      unreadable: 0,
      retirable: [],
      done: true,
    });
  });
});
