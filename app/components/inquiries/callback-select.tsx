// The call-back windows the phone desk can offer, grouped by day, in the desk's time zone.
import { useTranslation } from "react-i18next";

export interface WindowOption {
  from: string;
  until: string;
}

function formatted(iso: string, language: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(language === "ja" ? "ja-JP" : "en-GB", options).format(new Date(iso));
}

/** "11月24日(火)" and "10:00〜11:00" for a window, in the desk's zone. */
function windowParts(window: WindowOption, language: string, timeZone: string, range: (from: string, until: string) => string) {
  const time = (iso: string) => formatted(iso, language, { timeZone, hour: "numeric", minute: "2-digit", hourCycle: "h23" });
  return {
    day: formatted(window.from, language, { timeZone, month: "long", day: "numeric", weekday: "short" }),
    hours: range(time(window.from), time(window.until)),
  };
}

export function CallbackOptions({ windows, timeZone }: { windows: WindowOption[]; timeZone: string }) {
  const { t, i18n } = useTranslation("inquiries");
  const range = (from: string, until: string) => t("form.callbackWindow", { from, until });
  const days = new Map<string, Array<{ value: string; text: string }>>();
  for (const window of windows) {
    const { day, hours } = windowParts(window, i18n.language, timeZone, range);
    // The day in each option too: not every screen reader reads the group's label.
    days.set(day, [...(days.get(day) ?? []), { value: window.from, text: `${day} ${hours}` }]);
  }
  return (
    <>
      <option value="">{t("form.callbackChoose")}</option>
      {[...days].map(([day, options]) => (
        <optgroup key={day} label={day}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.text}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
