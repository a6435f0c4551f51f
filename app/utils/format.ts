// Dates, times and opening hours as people read them, in the desk's time zone.
// Shared by server and browser rendering, so both produce the same text.
import type { TFunction } from "i18next";
import type { IsoWeekday, OpenInterval } from "~/domain/business-hours";

const MINUTES_PER_DAY = 24 * 60;

function localeOf(language: string): string {
  return language === "ja" ? "ja-JP" : "en-GB";
}

// Building an Intl.DateTimeFormat costs far more than using one; pages format dozens.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([language, options]);
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(localeOf(language), options);
    formatters.set(key, cached);
  }
  return cached;
}

/** "11月24日(火) 9:00" / "Tue 24 Nov, 9:00" */
export function formatDateTime(iso: string | Date, language: string, timeZone: string): string {
  return formatter(language, {
    timeZone,
    month: language === "ja" ? "long" : "short",
    day: "numeric",
    weekday: "short",
    hour: "numeric",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

/**
 * The two ends of a window of time, for "{{from}}〜{{until}}": the day only once when both
 * fall on the same day in the desk's zone ("12月8日(火) 10:00" and "11:00").
 */
export function formatWindow(from: string | Date, until: string | Date, language: string, timeZone: string): { from: string; until: string } {
  const sameDay = formatDate(from, language, timeZone) === formatDate(until, language, timeZone);
  const untilText = sameDay
    ? formatter(language, { timeZone, hour: "numeric", minute: "2-digit", hourCycle: "h23" }).format(new Date(until))
    : formatDateTime(until, language, timeZone);
  return { from: formatDateTime(from, language, timeZone), until: untilText };
}

/** "2026年11月2日" / "2 November 2026", for an instant in the desk's zone. */
export function formatDate(iso: string | Date, language: string, timeZone: string): string {
  return formatter(language, { timeZone, dateStyle: "long" }).format(new Date(iso));
}

/** "2026年11月2日 9:05" / "2 November 2026 at 09:05", for an instant in the desk's zone. */
export function formatFullDateTime(iso: string | Date, language: string, timeZone: string): string {
  return formatter(language, { timeZone, dateStyle: "long", timeStyle: "short", hourCycle: "h23" }).format(new Date(iso));
}

/**
 * "12月29日(火)" / "Tue 29 Dec" for a desk-local 'YYYY-MM-DD' (a calendar day, not an
 * instant); with the year ("2026年12月29日(火)" / "Tue 29 Dec 2026") where dates may lie
 * months ahead, as in the staff editors.
 */
export function formatLocalDate(localDate: string, language: string, { withYear = false } = {}): string {
  return formatter(language, {
    timeZone: "UTC",
    ...(withYear ? { year: "numeric" } : {}),
    month: language === "ja" ? "long" : "short",
    day: "numeric",
    weekday: "short",
  }).format(new Date(`${localDate}T00:00:00Z`));
}

/** "11/29" / "29 Nov" for a desk-local day: a chart's axis label. */
export function formatShortLocalDate(localDate: string, language: string): string {
  return formatter(language, { timeZone: "UTC", month: language === "ja" ? "numeric" : "short", day: "numeric" }).format(new Date(`${localDate}T00:00:00Z`));
}

function clockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, "0")}`;
}

/** "9:00〜21:00", "22:00〜翌2:00" / "22:00–2:00 (next day)" */
export function formatInterval(interval: OpenInterval, t: TFunction): string {
  const closes =
    interval.closesAt > MINUTES_PER_DAY ? t("nextDay", { ns: "common", time: clockTime(interval.closesAt - MINUTES_PER_DAY) }) : clockTime(interval.closesAt);
  return t("timeRange", { ns: "common", opens: clockTime(interval.opensAt), closes });
}

/** "月〜金", "土・日", "Mon–Fri", "Sat, Sun", "水" */
export function formatDays(days: IsoWeekday[], t: TFunction): string {
  const name = (day: IsoWeekday) => t(`weekday.${day}`, { ns: "common" });
  if (days.length >= 3) return t("dayRange", { ns: "common", from: name(days[0]!), to: name(days.at(-1)!) });
  return days.map(name).join(t("dayList", { ns: "common" }));
}
