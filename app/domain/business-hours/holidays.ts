import holidayJp from "@holiday-jp/holiday_jp";
import type { ChannelHours, LocalDate } from "./types";

// holiday_jp.isHoliday(Date) formats the Date with the process's local time zone, so a Tokyo
// midnight seen from a UTC server would land on the previous day; given a string it scans every
// key on each call. Looking our LocalDate (already in the desk's zone) up in a Set avoids both.
const japaneseHolidayDates: ReadonlySet<string> = new Set(Object.keys(holidayJp.holidays));

/** Japanese national holidays (incl. substitute holidays) as published by holiday_jp, 1970–2050. */
export function isJapaneseHoliday(date: LocalDate): boolean {
  return japaneseHolidayDates.has(date);
}

export function holidayCheckOf(hours: ChannelHours): (date: LocalDate) => boolean {
  return hours.isHoliday ?? isJapaneseHoliday;
}
