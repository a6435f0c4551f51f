import { describe, expect, it } from "vitest";
import type { ChannelHours } from "~/domain/business-hours";
import { interval, schedule, weekdaysAndWeekend } from "~/domain/business-hours/test-helpers";
import { DEFAULT_SLA_TARGETS, dueAfter, onClaimed, onCustomerClose, onCustomerMessage, onStaffAction, onSubmitted, slaStanding, type SlaContext } from "./sla";

// The demo's written channel: weekdays 10:00–18:00 in Tokyo, closed on public holidays.
const hours: ChannelHours = {
  timeZone: "Asia/Tokyo",
  schedules: [schedule({ week: weekdaysAndWeekend([interval("10:00", "18:00")], []), holidays: { kind: "closed" } })],
  closures: [{ startsOn: "2026-12-29", endsOn: "2027-01-03" }],
};
const tokyo = (local: string) => new Date(`${local}+09:00`);
const at = (local: string): SlaContext => ({ targets: DEFAULT_SLA_TARGETS.affected, hours, now: tokyo(local) });

describe("the first answer's due time", () => {
  it("counts business hours only: Friday 17:00 + 4 h skips the weekend and Monday's holiday", () => {
    // 23 November 2026 is Labour Thanksgiving Day, a Monday.
    const state = onSubmitted(at("2026-11-20T17:00:00"));
    expect(state).toMatchObject({ status: "new", dueKind: "first" });
    expect(state.dueAt).toEqual(tokyo("2026-11-24T13:00:00"));
  });

  it("starts at the next opening when written at night", () => {
    expect(onSubmitted(at("2026-11-24T23:30:00")).dueAt).toEqual(tokyo("2026-11-25T14:00:00"));
  });

  it("jumps the year-end closure", () => {
    expect(onSubmitted(at("2026-12-28T16:00:00")).dueAt).toEqual(tokyo("2027-01-04T12:00:00"));
  });

  it("uses the category's own targets", () => {
    const card = { ...at("2026-11-24T10:00:00"), targets: DEFAULT_SLA_TARGETS.card };
    expect(onSubmitted(card).dueAt).toEqual(tokyo("2026-11-24T12:00:00"));
  });

  it("falls back to the search horizon when the channel never opens", () => {
    const closed: ChannelHours = { timeZone: "Asia/Tokyo", schedules: [], closures: [] };
    const from = tokyo("2026-11-24T10:00:00");
    expect(dueAfter(closed, from, 60).getTime()).toBeGreaterThan(from.getTime() + 300 * 24 * 3600_000);
  });
});

describe("the clock through a conversation", () => {
  const submitted = onSubmitted(at("2026-11-24T10:00:00"));

  it("keeps the due time when claimed or when the customer writes again before an answer", () => {
    const claimed = onClaimed(submitted);
    expect(claimed).toMatchObject({ status: "open", dueAt: submitted.dueAt });
    expect(onCustomerMessage(claimed, at("2026-11-24T11:00:00")).dueAt).toEqual(submitted.dueAt);
  });

  it("stops while waiting on the customer and owes the next answer when they reply", () => {
    const waiting = onStaffAction(submitted, "waiting", true, at("2026-11-24T11:00:00"));
    expect(waiting).toMatchObject({ status: "waiting", dueAt: null, dueKind: null, firstAnsweredAt: tokyo("2026-11-24T11:00:00") });
    // Next-response target: 8 business hours from Wednesday 17:00 → Thursday 17:00.
    const replied = onCustomerMessage(waiting, at("2026-11-25T17:00:00"));
    expect(replied).toMatchObject({ status: "open", dueKind: "next", dueAt: tokyo("2026-11-26T17:00:00") });
  });

  it("reopens a resolved inquiry when the customer writes", () => {
    const resolved = onStaffAction(submitted, "resolved", true, at("2026-11-24T11:00:00"));
    expect(onCustomerMessage(resolved, at("2026-11-24T12:00:00"))).toMatchObject({ status: "open", dueKind: "next" });
  });

  it("owes the next answer after a reply that leaves the inquiry open", () => {
    const open = onStaffAction(submitted, "open", true, at("2026-11-24T11:00:00"));
    expect(open).toMatchObject({ status: "open", dueKind: "next", dueAt: tokyo("2026-11-25T11:00:00") });
  });

  it("keeps the first answer owed when staff only change the status to open", () => {
    expect(onStaffAction(submitted, "open", false, at("2026-11-24T11:00:00"))).toMatchObject({
      dueKind: "first",
      dueAt: submitted.dueAt,
      firstAnsweredAt: null,
    });
  });

  it("owes an answer from now when staff reopen a closed inquiry", () => {
    const closed = onCustomerClose(submitted);
    expect(closed).toMatchObject({ status: "closed", dueAt: null });
    expect(onStaffAction(closed, "open", false, at("2026-11-24T15:00:00"))).toMatchObject({ dueKind: "first", dueAt: tokyo("2026-11-25T11:00:00") });
  });
});

describe("what staff see of the clock", () => {
  const due = tokyo("2026-11-24T13:00:00");
  it("counts the business time left", () => {
    expect(slaStanding(hours, due, tokyo("2026-11-20T17:00:00"))).toEqual({ kind: "due", overdue: false, businessMinutes: 240 });
  });
  it("counts the business time overdue", () => {
    expect(slaStanding(hours, due, tokyo("2026-11-24T18:30:00"))).toEqual({ kind: "due", overdue: true, businessMinutes: 300 });
  });
  it("says when the clock is stopped", () => {
    expect(slaStanding(hours, null, tokyo("2026-11-24T18:30:00"))).toEqual({ kind: "stopped" });
  });
});
