/** A calendar date in the desk's time zone, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's convention). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Minutes after the local midnight of the day the interval starts on.
 * opensAt in [0, 1440); closesAt in (opensAt, opensAt + 1440], so closesAt > 1440 means it
 * crosses midnight ("22:00–翌2:00").
 */
export interface OpenInterval {
  opensAt: number;
  closesAt: number;
}

export type HolidayRule =
  | { kind: "closed" } // closed on public holidays
  | { kind: "as-weekday" } // holidays keep that weekday's hours
  | { kind: "own-hours"; intervals: OpenInterval[] }; // holidays have their own hours

export interface WeeklySchedule {
  effectiveFrom: LocalDate; // inclusive
  effectiveUntil: LocalDate | null; // inclusive; null = open-ended
  week: Record<IsoWeekday, OpenInterval[]>; // empty array = closed that day
  holidays: HolidayRule;
}

/** Extra closure such as the year-end 29 Dec – 3 Jan; whole local days, inclusive. */
export interface Closure {
  startsOn: LocalDate;
  endsOn: LocalDate;
}

export interface ChannelHours {
  timeZone: string; // IANA zone
  schedules: WeeklySchedule[]; // should not overlap; see scheduleProblems
  closures: Closure[];
  /** Override for tests or other countries; default: Japanese national holidays from @holiday-jp/holiday_jp. */
  isHoliday?: (date: LocalDate) => boolean;
}

/** Half-open [start, end). */
export interface Span {
  start: Date;
  end: Date;
}
