import { describe, expect, it } from "vitest";
import { canTake, statusesFor } from "./status";

describe("the steps of a campaign", () => {
  it("edits and approves drafts only: approved text is frozen", () => {
    expect(canTake("edit", "draft")).toBe(true);
    expect(canTake("edit", "approved")).toBe(false);
    expect(canTake("approve", "approved")).toBe(false);
  });

  it("pauses what sends, resumes what is paused, and cancels anything not yet over", () => {
    expect(canTake("pause", "sending")).toBe(true);
    expect(canTake("pause", "paused")).toBe(false);
    expect(canTake("resume", "paused")).toBe(true);
    expect(statusesFor("cancel")).toEqual(["draft", "approved", "sending", "paused"]);
    expect(canTake("cancel", "completed")).toBe(false);
    expect(canTake("start", "unknown")).toBe(false);
  });
});
