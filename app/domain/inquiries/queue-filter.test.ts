import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../queue-cursor";
import { parseQueueFilter, queueOrder, queueSearch } from "./queue-filter";

describe("the queue's filters in the URL", () => {
  it("defaults to the answers owed, by due time", () => {
    const filter = parseQueueFilter(new URLSearchParams());
    expect(filter).toEqual({ status: "owed", category: null, language: null, assignee: null, overdue: false, cursor: null });
    expect(queueOrder(filter)).toBe("due");
  });

  it("reads every filter and round-trips through the query string", () => {
    const cursor = { at: new Date("2026-11-24T04:00:00Z"), id: "cmi1abcdefghijklmnopqrst" };
    const search = `?status=waiting&category=card&language=en&assignee=me&after=${encodeCursor(cursor)}`;
    const filter = parseQueueFilter(new URLSearchParams(search));
    expect(filter).toMatchObject({ status: "waiting", category: "card", language: "en", assignee: "me", cursor });
    expect(queueOrder(filter)).toBe("activity");
    expect(queueSearch(filter, { cursor })).toBe(search);
  });

  it("starts at page one when a filter changes", () => {
    const filter = parseQueueFilter(new URLSearchParams(`?after=${encodeCursor({ at: new Date(0), id: "a".repeat(25) })}`));
    expect(queueSearch(filter, { overdue: true })).toBe("?overdue=1");
  });

  it("ignores what it doesn't understand", () => {
    const filter = parseQueueFilter(new URLSearchParams("?status=drop&category=<x>&language=fr&assignee=' OR 1=1&overdue=yes&after=zzz"));
    expect(filter).toEqual({ status: "owed", category: null, language: null, assignee: null, overdue: false, cursor: null });
    expect(decodeCursor("zzzzzzzzzzzzz.abc")).toBeNull();
  });
});
