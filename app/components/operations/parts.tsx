// Small pieces of the operations view: a table of labelled counts, a waiting time, a date
// in the desk's zone, and a progress bar with its percentage in words.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ageOf } from "~/domain/operations/age";
import { formatDateTime } from "~/utils/format";

export function CountTable({ caption, rows, testId }: { caption: string; rows: Array<[label: string, value: ReactNode]>; testId?: string }) {
  return (
    <table className="data counts" data-testid={testId}>
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "3 分" / "3 min" for a waiting time in milliseconds; a dash for none. */
export function useAgeText() {
  const { t } = useTranslation("operations");
  return (ms: number | null) => {
    if (ms === null) return t("none");
    const { unit, count } = ageOf(ms);
    return t(`age.${unit}`, { count });
  };
}

export function When({ at, timeZone }: { at: Date | string | null; timeZone: string }) {
  const { t, i18n } = useTranslation("operations");
  if (!at) return <>{t("none")}</>;
  return <time dateTime={new Date(at).toISOString()}>{formatDateTime(at, i18n.language, timeZone)}</time>;
}

export function Progress({ percent, label, text }: { percent: number; label: string; text: string }) {
  return (
    <span className="progress">
      <progress max={100} value={percent} aria-label={label} /> <span>{text}</span>
    </span>
  );
}

export function useNumber() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  return (value: number) => format.format(value);
}
