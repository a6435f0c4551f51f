import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { decodeMessage } from "./messages";
import { ChannelFieldsSchema } from "./channel-form";
import { ClosureFieldsSchema } from "./closure-form";
import { readScheduleForm, ScheduleFieldsSchema, scheduleFormValues, ScheduleFormSchema, type ScheduleFormInput } from "./schedule-form";

const valid: ScheduleFormInput = {
  effectiveFrom: "2026-08-01",
  holidayRule: "closed",
  day1: "9:00-18:00",
  day2: "9:00-18:00",
  day3: "9:00-18:00",
  day4: "9:00-18:00",
  day5: "9:00-12:00, 13:00-18:00",
  day6: "10:00-16:00",
};

function errorsOf(form: ScheduleFormInput) {
  const read = readScheduleForm(form);
  if (read.ok) throw new Error("expected errors");
  return Object.fromEntries(Object.entries(read.errors.fieldErrors).map(([field, messages]) => [field, messages.map(decodeMessage)]));
}

describe("readScheduleForm", () => {
  it("reads a valid form into a weekly schedule", () => {
    const read = readScheduleForm(valid);
    expect(read).toEqual({
      ok: true,
      value: {
        effectiveFrom: "2026-08-01",
        effectiveUntil: null,
        holidays: { kind: "closed" },
        week: {
          1: [{ opensAt: 540, closesAt: 1080 }],
          2: [{ opensAt: 540, closesAt: 1080 }],
          3: [{ opensAt: 540, closesAt: 1080 }],
          4: [{ opensAt: 540, closesAt: 1080 }],
          5: [
            { opensAt: 540, closesAt: 720 },
            { opensAt: 780, closesAt: 1080 },
          ],
          6: [{ opensAt: 600, closesAt: 960 }],
          7: [],
        },
      },
    });
  });

  it("reads holidays' own hours only with that rule, and requires them then", () => {
    const own = readScheduleForm({ ...valid, holidayRule: "own-hours", holiday: "10:00-15:00" });
    expect(own.ok && own.value.holidays).toEqual({ kind: "own-hours", intervals: [{ opensAt: 600, closesAt: 900 }] });
    const ignored = readScheduleForm({ ...valid, holidayRule: "as-weekday", holiday: "10:00-15:00" });
    expect(ignored.ok && ignored.value.holidays).toEqual({ kind: "as-weekday" });
    expect(errorsOf({ ...valid, holidayRule: "own-hours" })).toEqual({
      holiday: [{ key: "staff-hours:errors.holidayHoursRequired" }],
    });
  });

  it("shows every problem of one submit next to its field", () => {
    expect(
      errorsOf({
        effectiveFrom: "2026-08-10",
        effectiveUntil: "2026-08-01",
        holidayRule: "closed",
        day1: "25:00-26:00",
        day2: "9:00-12:00, 11:00-14:00",
        day3: "18:00-09:00", // fine: 18:00 to 9:00 the next morning
        day4: "nine to five",
      }),
    ).toEqual({
      day1: [{ key: "staff-hours:problems.openingOutOfRange", values: { text: "25:00-26:00" } }],
      day4: [{ key: "staff-hours:problems.intervalFormat", values: { text: "nine to five" } }],
      effectiveUntil: [{ key: "staff-hours:problems.scheduleReversed", values: { from: { date: "2026-08-10" } } }],
      day2: [
        {
          key: "staff-hours:problems.intervalsOverlap",
          values: { first: { interval: { opensAt: 540, closesAt: 720 } }, second: { interval: { opensAt: 660, closesAt: 840 } } },
        },
      ],
    });
  });

  it("requires the start date and a holiday rule, and real dates", () => {
    expect(errorsOf({ day1: "9:00-18:00" })).toEqual({
      effectiveFrom: [{ key: "staff-hours:errors.required" }],
      holidayRule: [{ key: "staff-hours:errors.holidayRule" }],
    });
    expect(errorsOf({ ...valid, effectiveFrom: "2026-02-30" })).toEqual({
      effectiveFrom: [{ key: "staff-hours:errors.date" }],
    });
    expect(errorsOf({ ...valid, effectiveUntil: "31/12/2026" })).toEqual({
      effectiveUntil: [{ key: "staff-hours:errors.date" }],
    });
    expect(errorsOf({ ...valid, holidayRule: "sometimes" })).toEqual({
      holidayRule: [{ key: "staff-hours:errors.holidayRule" }],
    });
  });

  it("gives back the values it was given when editing", () => {
    const read = readScheduleForm({ ...valid, effectiveUntil: "2026-12-31", day7: "22:00-2:00" });
    if (!read.ok) throw new Error("expected a schedule");
    const again = readScheduleForm(scheduleFormValues(read.value));
    expect(again).toEqual(read);
  });
});

describe("ScheduleFormSchema with Conform", () => {
  const formData = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(values)) data.set(name, value);
    return data;
  };

  it("parses a valid submission", () => {
    const submission = parseWithZod(formData({ ...(valid as Record<string, string>), effectiveUntil: "" }), {
      schema: ScheduleFormSchema,
    });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value.effectiveUntil).toBeNull();
  });

  it("puts the reader's messages on the fields", () => {
    const submission = parseWithZod(formData({ effectiveFrom: "2026-08-01", holidayRule: "closed", day1: "25:00-26:00" }), {
      schema: ScheduleFormSchema,
    });
    if (submission.status !== "error") throw new Error("expected an error");
    expect(Object.keys(submission.error ?? {})).toEqual(["day1"]);
    expect(decodeMessage(submission.error?.day1?.[0] ?? "").key).toBe("staff-hours:problems.openingOutOfRange");
  });

  it("gives the inputs their HTML constraints (from the fields, as Conform cannot read a transform)", () => {
    expect(getZodConstraint(ScheduleFieldsSchema).day1).toMatchObject({ required: false });
    expect(getZodConstraint(ClosureFieldsSchema).reasonJa).toMatchObject({ required: false });
    expect(getZodConstraint(ChannelFieldsSchema).contact).toMatchObject({ required: false });
  });
});
