import { describe, expect, it } from "vitest";
import { emptyWeek, scheduleProblems, type WeeklySchedule } from "~/domain/business-hours";
import { decodeMessage } from "./messages";
import { scheduleProblemErrors } from "./problem-messages";

const schedule = (effectiveFrom: string, effectiveUntil: string | null): WeeklySchedule => ({
  effectiveFrom,
  effectiveUntil,
  week: emptyWeek(),
  holidays: { kind: "closed" },
});

describe("scheduleProblemErrors", () => {
  it("names the stored schedule that the new one overlaps", () => {
    const schedules = [
      schedule("2026-06-01", "2026-07-31"),
      schedule("2026-08-01", null),
      schedule("2026-07-15", "2026-08-15"), // the one being added
    ];
    const problems = scheduleProblems({ timeZone: "Asia/Tokyo", schedules, closures: [] });
    const errors = scheduleProblemErrors(problems, schedules, 2);
    expect(errors.formErrors).toEqual([]);
    expect(errors.fieldErrors.effectiveFrom?.map(decodeMessage)).toEqual([
      { key: "staff-hours:problems.schedulesOverlap", values: { from: { date: "2026-06-01" }, until: { date: "2026-07-31" } } },
      { key: "staff-hours:problems.schedulesOverlapOpenEnded", values: { from: { date: "2026-08-01" } } },
    ]);
  });

  it("ignores problems among the stored schedules themselves", () => {
    const schedules = [schedule("2026-06-01", null), schedule("2026-07-01", null), schedule("2027-01-01", "2026-12-31")];
    const problems = scheduleProblems({ timeZone: "Asia/Tokyo", schedules, closures: [] });
    expect(scheduleProblemErrors(problems, schedules, 2).fieldErrors).toEqual({
      effectiveUntil: [expect.stringContaining("staff-hours:problems.scheduleReversed")],
    });
  });

  it("reports a bad desk time zone on the whole form", () => {
    const problems = scheduleProblems({ timeZone: "Mars/Olympus", schedules: [schedule("2026-06-01", null)], closures: [] });
    expect(scheduleProblemErrors(problems, [], 0).formErrors).toEqual(["staff-hours:problems.badTimeZone"]);
  });
});
