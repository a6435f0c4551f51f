// Timeline entries are typed as the desk's wall-clock time (an <input type="datetime-local">
// value, "2026-11-02T09:30") and stored as instants. Kept apart from the form schema so the
// browser bundle doesn't carry luxon.
import { DateTime } from "luxon";

const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/**
 * The instant a desk-local date-time names. A time skipped by a daylight-saving change
 * is moved forward past the gap (luxon's rule), as the clocks themselves do.
 */
export function localDateTimeToInstant(value: string, timeZone: string): Date {
  const local = DateTime.fromISO(value, { zone: timeZone });
  if (!local.isValid) throw new Error(`Not a local date-time: ${value}`);
  return local.toJSDate();
}

/** The desk's wall-clock reading of an instant, as a datetime-local input expects it. */
export function instantToLocalDateTime(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat(LOCAL_FORMAT);
}
