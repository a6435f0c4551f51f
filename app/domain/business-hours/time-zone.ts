import { IANAZone } from "luxon";
import type { LocalDate } from "./types";
import { wallClockFor } from "./wall-clock";

/** True for a zone name the runtime's time-zone database knows ("Asia/Tokyo", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  // Node 24 and later also take a bare UTC offset ("+09:00") as a time zone. A desk's zone is a
  // name, whose rules follow the place (daylight saving included): an offset is refused.
  return /^[A-Za-z]/.test(zone) && IANAZone.isValidZone(zone);
}

/** The calendar date the desk's wall clock shows at `at`. */
export function localDateOf(at: Date, timeZone: string): LocalDate {
  return wallClockFor(timeZone).localDateAt(at.getTime());
}
