// Turns the filters people type into what the database compares. Dates are days in the
// desk's time zone, where the people reading the log work: "from 24 November" means from
// midnight in Tokyo, not in UTC or on the server's clock.
import { DateTime } from "luxon";
import type { AuditLogFilters, AuditResult } from "./log-query";

export interface AuditLogFilter {
  actorEmail?: string;
  action?: string;
  result?: AuditResult;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  until?: Date;
}

/** The first instant of a desk-local day (after the gap, if the day starts in a clock change). */
function startOfDeskDay(localDate: string, timeZone: string): DateTime {
  return DateTime.fromISO(localDate, { zone: timeZone }).startOf("day");
}

export function auditLogFilter(filters: AuditLogFilters, timeZone: string): AuditLogFilter {
  return {
    actorEmail: filters.actor,
    action: filters.action,
    result: filters.result,
    from: filters.from ? startOfDeskDay(filters.from, timeZone).toJSDate() : undefined,
    // "To" includes the whole of that day.
    until: filters.to ? startOfDeskDay(filters.to, timeZone).plus({ days: 1 }).startOf("day").toJSDate() : undefined,
  };
}
