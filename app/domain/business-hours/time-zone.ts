import { IANAZone } from "luxon";
import type { LocalDate } from "./types";
import { wallClockFor } from "./wall-clock";

/** True for a zone name the runtime's time-zone database knows ("Asia/Tokyo", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The calendar date the desk's wall clock shows at `at`. */
export function localDateOf(at: Date, timeZone: string): LocalDate {
  return wallClockFor(timeZone).localDateAt(at.getTime());
}
