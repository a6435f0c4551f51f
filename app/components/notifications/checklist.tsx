// Beside the editor: what the law asks a notification to carry and what the mail needs, and
// which of them the draft has in both languages.
import { useTranslation } from "react-i18next";
import type { ChecklistItem } from "~/domain/notifications/checklist";

type Entry = { item: ChecklistItem; law: boolean; covered: boolean };

export function Checklist({ items }: { items: Entry[] }) {
  const { t } = useTranslation("staff-notifications");
  const list = (entries: Entry[]) => (
    <ul>
      {entries.map(({ item, covered }) => (
        <li key={item} className={covered ? "is-covered" : "is-missing"}>
          <span aria-hidden="true">{covered ? "✓ " : "✗ "}</span>
          {t("checklist.labelled", { label: t(`checklist.${item}`) })}
          <strong>{item === "items" ? t("checklist.fromRecords") : covered ? t("checklist.covered") : t("checklist.missing")}</strong>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="checklist-heading" className="notification-checklist">
      <h2 id="checklist-heading">{t("checklist.heading")}</h2>
      <p>{t("checklist.explanation")}</p>
      <h3>{t("checklist.lawHeading")}</h3>
      {list(items.filter((entry) => entry.law))}
      <h3>{t("checklist.mailHeading")}</h3>
      {list(items.filter((entry) => !entry.law))}
    </section>
  );
}
