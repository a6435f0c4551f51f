import { useTranslation } from "react-i18next";
import type { AffectedGroupView } from "~/models/notice.server";
import { CategoryTable } from "./category-table";

/** For each affected group: which kinds of data may have been exposed, and what to do about each. */
export function ExposedData({ groups }: { groups: AffectedGroupView[] }) {
  const { t } = useTranslation("notice");
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="exposed-heading" className="exposed">
      <h2 id="exposed-heading">{t("exposedData")}</h2>
      {groups.map((group) => (
        <div key={group.key} className="exposed-group">
          <h3>{group.name}</h3>
          <p>{group.description}</p>
          <CategoryTable categories={group.categories} dataHeading={t("dataColumn")} actionHeading={t("recommendedAction")} />
        </div>
      ))}
    </section>
  );
}
