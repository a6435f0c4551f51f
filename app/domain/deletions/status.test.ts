import { describe, expect, it } from "vitest";
import { canCancel, canDecide, DELETION_STATUSES, deletionStatusOf, isOpen, isOverdue } from "./status";

describe("the states of a deletion request", () => {
  it("can be cancelled by the customer until execution starts, and only then", () => {
    expect(DELETION_STATUSES.filter(canCancel)).toEqual(["received", "reviewing", "approved"]);
  });

  it("is decided only while waiting for a decision", () => {
    expect(DELETION_STATUSES.filter(canDecide)).toEqual(["received", "reviewing"]);
  });

  it("is open until completed, refused or cancelled", () => {
    expect(DELETION_STATUSES.filter((status) => !isOpen(status))).toEqual(["completed", "refused", "cancelled"]);
  });

  it("is overdue only while open and past its deadline", () => {
    const dueAt = new Date("2026-12-31T15:00:00Z");
    const after = new Date("2026-12-31T15:00:00Z");
    expect(isOverdue({ status: "reviewing", dueAt }, after)).toBe(true);
    expect(isOverdue({ status: "executing", dueAt }, after)).toBe(true);
    expect(isOverdue({ status: "reviewing", dueAt }, new Date("2026-12-31T14:59:59Z"))).toBe(false);
    expect(isOverdue({ status: "completed", dueAt }, after)).toBe(false);
    expect(isOverdue({ status: "refused", dueAt }, after)).toBe(false);
  });

  it("refuses a stored status it doesn't know", () => {
    expect(deletionStatusOf("approved")).toBe("approved");
    expect(() => deletionStatusOf("deleted")).toThrow();
  });
});
