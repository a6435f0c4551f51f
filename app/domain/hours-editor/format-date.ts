// Staff edit dates months and years ahead, so unlike the public desk block's short dates
// ("8月1日(土)", app/utils/format.ts) these carry the year.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026年8月1日(土)" / "Sat, 1 Aug 2026" for a desk-local 'YYYY-MM-DD' (a calendar day, not an instant). */
export function formatLocalDateWithYear(localDate: string, language: string): string {
  const locale = language === "ja" ? "ja-JP" : "en-GB";
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: "UTC",
      year: "numeric",
      month: language === "ja" ? "long" : "short",
      day: "numeric",
      weekday: "short",
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(new Date(`${localDate}T00:00:00Z`));
}
