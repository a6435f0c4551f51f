import { describe, expect, it } from "vitest";
import { entryHash, GENESIS_HASH } from "./chain";
import { describeBreak, verifyChain, type ChainEntry } from "./verify";

function chain(count: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= count; sequence++) {
    const fields = {
      sequence,
      at: new Date(Date.UTC(2026, 10, 21, 9, sequence)),
      actorId: null,
      actorEmail: null,
      action: "audit.view",
      targetType: null,
      targetId: null,
      clientHash: null,
      result: "ok",
      details: null,
    };
    const hash = entryHash(prevHash, fields);
    entries.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

async function* inBatches(entries: ChainEntry[], size: number) {
  for (let i = 0; i < entries.length; i += size) yield entries.slice(i, i + size);
}

describe("verifying the chain in batches", () => {
  it("counts an intact chain across batch boundaries", async () => {
    expect(await verifyChain(inBatches(chain(7), 3))).toEqual({ intact: true, entries: 7 });
  });

  it("calls an empty log intact", async () => {
    expect(await verifyChain(inBatches([], 3))).toEqual({ intact: true, entries: 0 });
  });

  it("finds a row missing at a batch boundary", async () => {
    const entries = chain(7);
    entries.splice(3, 1);
    expect(await verifyChain(inBatches(entries, 3))).toEqual({
      intact: false,
      broken: { sequence: 5, reason: "sequence-gap", expected: 4 },
    });
  });

  it("finds a batch that doesn't continue the one before", async () => {
    const entries = chain(6);
    entries[3] = { ...entries[3]!, prevHash: GENESIS_HASH };
    expect(await verifyChain(inBatches(entries, 3))).toEqual({
      intact: false,
      broken: { sequence: 4, reason: "previous-hash-mismatch" },
    });
  });

  it("finds missing first entries", async () => {
    expect(await verifyChain(inBatches(chain(5).slice(2), 3))).toEqual({
      intact: false,
      broken: { sequence: 3, reason: "sequence-gap", expected: 1 },
    });
  });
});

describe("describing a break", () => {
  it("names what went wrong", () => {
    expect(describeBreak({ sequence: 3, reason: "hash-mismatch" })).toBe("its contents no longer match its hash (the entry was altered)");
    expect(describeBreak({ sequence: 3, reason: "previous-hash-mismatch" })).toBe("it does not link to entry #2 (that entry was altered or replaced)");
    expect(describeBreak({ sequence: 5, reason: "sequence-gap", expected: 4 })).toBe("entry #4 is missing before it");
    expect(describeBreak({ sequence: 9, reason: "sequence-gap", expected: 4 })).toBe("entries #4-#8 are missing before it");
  });
});
