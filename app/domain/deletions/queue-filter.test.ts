import { describe, expect, it } from "vitest";
import { deletionQueueSearch, parseDeletionQueueFilter } from "./queue-filter";

describe("the deletion queue's URL", () => {
  it("shows open requests by default and ignores what it doesn't know", () => {
    expect(parseDeletionQueueFilter(new URLSearchParams("status=deleted&after=x' OR 1=1"))).toEqual({ status: "open", overdue: false, cursor: null });
  });

  it("reads back what it writes, cursor included", () => {
    const filter = { status: "refused" as const, overdue: true, cursor: { at: new Date("2026-12-31T15:00:00Z"), id: "dr0123456789abcdef012345" } };
    const search = deletionQueueSearch(filter, { cursor: filter.cursor });
    expect(parseDeletionQueueFilter(new URLSearchParams(search))).toEqual(filter);
    expect(deletionQueueSearch(filter)).toBe("?status=refused&overdue=1");
  });
});
