import { useTranslation } from "react-i18next";
import type { AffectedGroupView } from "~/models/notice.server";

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
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dataColumn")}</th>
                <th scope="col">{t("recommendedAction")}</th>
              </tr>
            </thead>
            <tbody>
              {group.categories.map((category) => (
                <tr key={category.key}>
                  <th scope="row">{category.label}</th>
                  <td>{category.recommendedAction}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
