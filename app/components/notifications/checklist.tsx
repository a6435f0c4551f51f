// Beside the editor: the items the law asks a notification to carry, and which the draft has.
import { useTranslation } from "react-i18next";
import type { ChecklistItem } from "~/domain/notifications/checklist";

export function Checklist({ items }: { items: Array<{ item: ChecklistItem; covered: boolean }> }) {
  const { t } = useTranslation("staff-notifications");
  return (
    <section aria-labelledby="checklist-heading" className="notification-checklist">
      <h2 id="checklist-heading">{t("checklist.heading")}</h2>
      <p>{t("checklist.intro")}</p>
      <ul>
        {items.map(({ item, covered }) => (
          <li key={item} className={covered ? "is-covered" : "is-missing"}>
            <span aria-hidden="true">{covered ? "✓ " : "✗ "}</span>
            {t(`checklist.${item}`)}:{" "}
            <strong>{item === "items" ? t("checklist.fromRecords") : covered ? t("checklist.covered") : t("checklist.missing")}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
