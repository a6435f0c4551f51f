import { useTranslation } from "react-i18next";
import { formatLocalDate } from "~/utils/format";

/** "2026年8月1日(土)〜2026年8月31日(月)", one date for a single day, or "…から（終了日なし）". */
export function useDateRange(): (from: string, until: string | null) => string {
  const { t, i18n } = useTranslation("staff-hours");
  return (from, until) => {
    const start = formatLocalDate(from, i18n.language, { withYear: true });
    if (until === null) return t("range.openEnded", { from: start });
    if (until === from) return start;
    return t("range.between", { from: start, until: formatLocalDate(until, i18n.language, { withYear: true }) });
  };
}
