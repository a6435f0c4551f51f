import { describe, expect, it } from "vitest";
import { issueMessage } from "./reasons";

describe("messages for stored issues", () => {
  it("splits two-part details so each language words them", () => {
    expect(issueMessage("column-count", "10:3")).toEqual({ key: "reasons.column-count", values: { expected: "10", found: "3" } });
    expect(issueMessage("bad-header", "unknown:colour")).toEqual({ key: "reasons.bad-header-unknown", values: { column: "colour" } });
    expect(issueMessage("bad-header", "legacy-pair")).toEqual({ key: "reasons.bad-header-legacy-pair", values: { column: "legacy-pair" } });
    expect(issueMessage("bad-legacy-hash", "pair")).toEqual({ key: "reasons.bad-legacy-hash-pair", values: {} });
  });

  it("passes other details through, and survives a code it doesn't know", () => {
    expect(issueMessage("duplicate-id", "12")).toEqual({ key: "reasons.duplicate-id", values: { detail: "12" } });
    expect(issueMessage("bad-email", null)).toEqual({ key: "reasons.bad-email", values: { detail: "" } });
    expect(issueMessage("from-the-future", null)).toEqual({ key: "reasons.unknown", values: { reason: "from-the-future" } });
  });
});
