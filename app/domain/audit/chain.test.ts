import { describe, expect, it } from "vitest";
import { entryHash, firstBreak, GENESIS_HASH, type AuditFields } from "./chain";

function chain(count: number) {
  const entries: Array<AuditFields & { prevHash: string; hash: string }> = [];
  let prevHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= count; sequence++) {
    const fields: AuditFields = {
      sequence,
      at: new Date(Date.UTC(2026, 10, 21, 9, sequence)),
      actorId: "s1",
      actorEmail: "officer@example.com",
      action: sequence % 2 ? "staff.sign-in" : "notice.publish",
      targetType: null,
      targetId: null,
      clientHash: "c",
      result: "ok",
      details: null,
    };
    const hash = entryHash(prevHash, fields);
    entries.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe("audit hash chain", () => {
  it("accepts an intact chain", () => {
    expect(firstBreak(chain(5))).toBeNull();
  });

  it("finds an altered field", () => {
    const entries = chain(5);
    entries[2]!.result = "denied";
    expect(firstBreak(entries)).toEqual({ sequence: 3, reason: "hash-mismatch" });
  });

  it("finds a removed row", () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(firstBreak(entries)).toEqual({ sequence: 3, reason: "sequence-gap", expected: 2 });
  });

  it("finds a row rewritten with a recomputed hash, at the next link", () => {
    const entries = chain(5);
    const forged = { ...entries[1]!, action: "nothing.happened" };
    forged.hash = entryHash(forged.prevHash, forged);
    entries[1] = forged;
    expect(firstBreak(entries)).toEqual({ sequence: 3, reason: "previous-hash-mismatch" });
  });
});
